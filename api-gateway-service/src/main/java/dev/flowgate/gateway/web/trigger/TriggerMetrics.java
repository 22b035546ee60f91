package dev.flowgate.gateway.web.trigger;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import dev.flowgate.contracts.DeploymentMode;
import dev.flowgate.contracts.TriggerSource;
import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.gateway.domain.deployment.Deployment;
import dev.flowgate.gateway.domain.trigger.ExecutionSnapshot;
import dev.flowgate.gateway.domain.usage.RejectionTally;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts trigger calls ({@value #TRIGGERS}) by source and outcome: {@code accepted}
 * (queued for an async deployment), {@code answered} (a finished execution in the
 * response), {@code timed_out} (a sync call answered 202 after its timeout),
 * {@code rejected} (with the rejection's reason) or {@code error}.
 */
@Component
class TriggerMetrics {

	static final String TRIGGERS = "flowgate.gateway.triggers";

	private static final String NO_REASON = "none";

	private final MeterRegistry registry;

	private final RejectionTally usage;

	TriggerMetrics(MeterRegistry registry, RejectionTally usage) {
		this.registry = registry;
		this.usage = usage;
	}

	/**
	 * Runs a trigger call and counts it if it is refused, now or later: in the metrics
	 * always, and in the owner's usage once the call is attributed to a deployment.
	 */
	<T> CompletableFuture<T> countRejections(TriggerSource source, Function<Attribution, CompletableFuture<T>> call) {
		Attribution attribution = new Attribution();
		CompletableFuture<T> response;
		try {
			response = call.apply(attribution);
		}
		catch (RuntimeException ex) {
			failed(source, attribution, ex);
			throw ex;
		}
		return response.whenComplete((answer, failure) -> {
			if (failure != null) {
				failed(source, attribution, failure);
			}
		});
	}

	/** Counts an accepted trigger by what its caller gets; returns the execution. */
	ExecutionSnapshot answered(TriggerSource source, Deployment deployment, ExecutionSnapshot execution) {
		String outcome;
		if (execution.finished()) {
			outcome = "answered";
		}
		else {
			outcome = (deployment.mode() == DeploymentMode.SYNC) ? "timed_out" : "accepted";
		}
		count(source, outcome, NO_REASON);
		return execution;
	}

	private void failed(TriggerSource source, Attribution attribution, Throwable failure) {
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		if (cause instanceof Rejection rejection) {
			String reason = lower(rejection.reason().name());
			count(source, "rejected", reason);
			Deployment deployment = attribution.deployment();
			if (deployment != null) {
				this.usage.count(deployment.ownerId(), deployment.id(), reason);
			}
		}
		else {
			count(source, "error", NO_REASON);
		}
	}

	private void count(TriggerSource source, String outcome, String reason) {
		this.registry.counter(TRIGGERS, "source", lower(source.name()), "outcome", outcome, "reason", reason)
			.increment();
	}

	private static String lower(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

}
