package dev.flowgate.gateway.web.trigger;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.flowgate.contracts.KeyScope;
import dev.flowgate.contracts.TriggerSource;
import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.gateway.domain.deployment.Deployment;
import dev.flowgate.gateway.domain.key.Caller;
import dev.flowgate.gateway.domain.key.Gatekeeper;
import dev.flowgate.gateway.domain.trigger.ExecutionSnapshot;
import dev.flowgate.gateway.domain.trigger.TriggerRequest;
import dev.flowgate.gateway.domain.trigger.TriggerService;
import dev.flowgate.gateway.web.CallerHeaders;
import dev.flowgate.gateway.web.RateLimitHeaders;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * What every trigger endpoint does the same way, whatever shape its calls and answers
 * have: the caller's key, the trigger itself, the answer (200, or 202 with the poll URL)
 * and the metrics.
 */
@Component
class TriggerCalls {

	private final Gatekeeper gatekeeper;

	private final TriggerService triggers;

	private final ExecutionResponses responses;

	private final TriggerMetrics metrics;

	private final RateLimitHeaders rateLimitHeaders;

	private final TriggerBodyBudget bodies;

	TriggerCalls(Gatekeeper gatekeeper, TriggerService triggers, ExecutionResponses responses, TriggerMetrics metrics,
			RateLimitHeaders rateLimitHeaders, TriggerBodyBudget bodies) {
		this.gatekeeper = gatekeeper;
		this.triggers = triggers;
		this.responses = responses;
		this.metrics = metrics;
		this.rateLimitHeaders = rateLimitHeaders;
		this.bodies = bodies;
	}

	/**
	 * Runs a call, counting it if it is refused, now or later; a refusal reports the rate
	 * limits the call was taken from. The call holds its share of the body budget until
	 * it is answered.
	 */
	<R> CompletableFuture<ResponseEntity<R>> counted(TriggerSource source, HttpServletRequest request,
			Function<Attribution, CompletableFuture<ResponseEntity<R>>> call) {
		return this.metrics.countRejections(source, (attribution) -> {
			int share = this.bodies.take(request);
			CompletableFuture<ResponseEntity<R>> response;
			try {
				response = reportingLimits(attribution, call);
			}
			catch (RuntimeException ex) {
				this.bodies.giveBack(share);
				throw ex;
			}
			return response.whenComplete((answer, failure) -> this.bodies.giveBack(share));
		});
	}

	private <R> CompletableFuture<ResponseEntity<R>> reportingLimits(Attribution attribution,
			Function<Attribution, CompletableFuture<ResponseEntity<R>>> call) {
		CompletableFuture<ResponseEntity<R>> response;
		try {
			response = call.apply(attribution);
		}
		catch (Rejection ex) {
			throw reportingLimits(attribution, ex);
		}
		return response.exceptionallyCompose((failure) -> {
			Throwable cause = (failure instanceof CompletionException && failure.getCause() != null)
					? failure.getCause() : failure;
			return CompletableFuture.failedFuture(
					(cause instanceof Rejection rejection) ? reportingLimits(attribution, rejection) : failure);
		});
	}

	private Rejection reportingLimits(Attribution attribution, Rejection rejection) {
		Caller caller = attribution.chargedCaller();
		if (caller == null) {
			return rejection;
		}
		Deployment deployment = attribution.chargedFor();
		return rejection.takenFrom((deployment != null) ? this.rateLimitHeaders.triggerQuotas(caller, deployment)
				: this.rateLimitHeaders.keyQuotas(caller));
	}

	/**
	 * The caller of a trigger endpoint, a key allowed to run deployments, not yet taken
	 * from its rate limit: see {@link #charged}.
	 */
	Caller authenticate(HttpServletRequest request) {
		return this.gatekeeper.authenticate(CallerHeaders.apiKey(request), KeyScope.RUN);
	}

	/**
	 * The deployment the caller calls, found with {@code find}; the call is taken from
	 * the key's rate limit after that, so that a refusal for the limit counts in the
	 * deployment's usage, and also when {@code find} refused the call.
	 */
	Deployment charged(Caller caller, Attribution attribution, Supplier<Deployment> find) {
		Deployment deployment;
		try {
			deployment = find.get();
		}
		catch (RuntimeException ex) {
			this.gatekeeper.charge(caller);
			attribution.charged(caller, null);
			throw ex;
		}
		this.gatekeeper.charge(caller);
		attribution.charged(caller, deployment);
		return deployment;
	}

	private static boolean acceptsJson(HttpServletRequest request) {
		try {
			List<MediaType> accepted = MediaType
				.parseMediaTypes(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
			// The most specific range that covers JSON decides, and q=0 rules it out
			// (RFC 9110): "*/*, application/json;q=0" refuses JSON.
			return accepted.isEmpty() || accepted.stream()
				.filter((type) -> type.includes(MediaType.APPLICATION_JSON))
				.max(Comparator.comparingInt(TriggerCalls::specificity))
				.map((type) -> type.getQualityValue() > 0)
				.orElse(false);
		}
		catch (InvalidMediaTypeException ex) {
			// Unreadable: as if absent, like Spring MVC's own negotiation.
			return true;
		}
	}

	private static int specificity(MediaType range) {
		if (range.isWildcardType()) {
			return 0;
		}
		return range.isWildcardSubtype() ? 1 : 2;
	}

	/**
	 * Accepts the trigger and answers with the execution in the endpoint's shape, if the
	 * caller can read that answer.
	 * @param body the endpoint's answer for an execution, finished or queued
	 */
	<R> CompletableFuture<ResponseEntity<R>> accept(HttpServletRequest request, Caller caller, Deployment deployment,
			TriggerRequest trigger, Function<ExecutionSnapshot, R> body) {
		// Before accepting: once accepted, the flow runs whatever the answer.
		if (!acceptsJson(request)) {
			throw Rejection.of(Rejection.Reason.NOT_ACCEPTABLE,
					"The answer is application/json, which the Accept header rules out");
		}
		return this.triggers.trigger(caller, deployment, trigger)
			.thenApply((execution) -> this.metrics.answered(trigger.source(), deployment, execution))
			.thenApply((execution) -> this.responses.respond(execution, body.apply(execution),
					this.rateLimitHeaders.forTrigger(caller, deployment)));
	}

}
