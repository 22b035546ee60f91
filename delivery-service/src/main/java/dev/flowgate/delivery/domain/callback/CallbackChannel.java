package dev.flowgate.delivery.domain.callback;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import dev.flowgate.contracts.DeliveryChannel;
import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.delivery.domain.JsonWriter;
import dev.flowgate.delivery.domain.delivery.AttemptOutcome;
import dev.flowgate.delivery.domain.delivery.Channel;
import dev.flowgate.delivery.domain.delivery.Delivery;
import dev.flowgate.delivery.domain.delivery.Message;
import dev.flowgate.delivery.domain.signing.UnreadableSecretException;
import dev.flowgate.delivery.domain.signing.WebhookSecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signed webhooks (Standard Webhooks): the same body and {@code webhook-id} on every
 * attempt, a fresh timestamp and signature each time.
 */
public final class CallbackChannel implements Channel {

	static final String ID_HEADER = "webhook-id";

	static final String TIMESTAMP_HEADER = "webhook-timestamp";

	static final String SIGNATURE_HEADER = "webhook-signature";

	private static final String INVALID_DESTINATION = "invalid";

	private static final String NOT_STARTED = "Not attempted: too many callback host lookups in progress; tried again later";

	private static final Logger log = LoggerFactory.getLogger(CallbackChannel.class);

	private final JsonWriter json;

	private final WebhookSecrets secrets;

	private final HttpPoster poster;

	private final DestinationBreakers breakers;

	private final DisabledCallbackService disabled;

	private final Executor executor;

	private final Duration unreadableSecretRetry;

	private final Duration notStartedRetry;

	private final Clock clock;

	/**
	 * @param unreadableSecretRetry how long a callback waits when the owner's secret
	 * cannot be read
	 * @param notStartedRetry how long a callback waits when the poster could not start it
	 * (too many host lookups waiting)
	 */
	public CallbackChannel(JsonWriter json, WebhookSecrets secrets, HttpPoster poster, DestinationBreakers breakers,
			DisabledCallbackService disabled, Executor executor, Duration unreadableSecretRetry,
			Duration notStartedRetry, Clock clock) {
		this.json = json;
		this.secrets = secrets;
		this.poster = poster;
		this.breakers = breakers;
		this.disabled = disabled;
		this.executor = executor;
		this.unreadableSecretRetry = unreadableSecretRetry;
		this.notStartedRetry = notStartedRetry;
		this.clock = clock;
	}

	@Override
	public DeliveryChannel id() {
		return DeliveryChannel.CALLBACK;
	}

	@Override
	public Optional<Prepared> prepare(ExecutionCompleted result) {
		String url = result.delivery().callbackUrl();
		if (url == null || url.isBlank()) {
			return Optional.empty();
		}
		Message message = Message.callback(this.json.compact(CallbackPayload.of(result)));
		CallbackTarget target;
		try {
			target = CallbackTarget.parse(url);
		}
		catch (InvalidCallbackUrlException ex) {
			return Optional.of(Prepared.refused(url, INVALID_DESTINATION, message, ex.getMessage()));
		}
		String destinationKey = destinationKey(result.ownerId(), target);
		if (this.disabled.isDisabled(result.ownerId(), result.deploymentId(), url)) {
			return Optional.of(Prepared.skipped(url, destinationKey, message, disabledReason(result.deploymentId())));
		}
		return Optional.of(Prepared.ready(url, destinationKey, message));
	}

	/**
	 * What slots and breakers count by: the origin, per owner, so that one owner's
	 * failing endpoint on a receiver shared with others (a hosted automation service)
	 * holds up only that owner's callbacks there.
	 */
	static String destinationKey(String ownerId, CallbackTarget target) {
		return ownerId + " " + target.origin();
	}

	@Override
	public CompletableFuture<AttemptOutcome> send(Delivery delivery) {
		if (this.disabled.isDisabled(delivery.ownerId(), delivery.deploymentId(), delivery.destination())) {
			return CompletableFuture.completedFuture(AttemptOutcome.skipped(disabledReason(delivery.deploymentId())));
		}
		CallbackTarget target;
		try {
			target = CallbackTarget.parse(delivery.destination());
		}
		catch (InvalidCallbackUrlException ex) {
			// Stored as failed at intake, then replayed: it fails again, as it did then.
			return CompletableFuture.completedFuture(invalid(ex, this.clock.instant()));
		}
		byte[] body = delivery.message().body().getBytes(StandardCharsets.UTF_8);
		Instant startedAt = this.clock.instant();
		Map<String, String> headers;
		try {
			headers = signedHeaders(delivery, startedAt, body);
		}
		catch (UnreadableSecretException ex) {
			// Not the receiver's fault: put off without counting an attempt. The details
			// are for the operator, not in the owner's delivery log.
			log.error("Cannot sign delivery {} (execution {}): {}", delivery.id(), delivery.executionId(),
					ex.getMessage());
			return CompletableFuture.completedFuture(AttemptOutcome.deferred(this.unreadableSecretRetry,
					"Cannot sign: the signing secret cannot be read at the moment"));
		}
		String origin = target.origin();
		// Stored with the delivery; older ones name the origin alone.
		String breaker = delivery.destinationKey();
		if (!this.breakers.tryAcquire(breaker)) {
			return CompletableFuture.completedFuture(AttemptOutcome.heldBack(this.breakers.retryDelay(breaker),
					"Circuit breaker open for " + origin + "; attempt deferred"));
		}
		long start = System.nanoTime();
		CompletableFuture<HttpPoster.PostResponse> posted;
		try {
			posted = this.poster.post(target, headers, body);
		}
		catch (RuntimeException ex) {
			// Nothing was sent; a half-open breaker must not wait for this call forever.
			this.breakers.released(breaker);
			throw ex;
		}
		return posted.handleAsync((response, failure) -> {
			if (CallbackOutcomes.notStarted(failure)) {
				// Others' lookups fill the queue, not the destination's doing:
				// neither an attempt nor a failure of its breaker.
				this.breakers.released(breaker);
				return AttemptOutcome.deferred(this.notStartedRetry, NOT_STARTED);
			}
			Duration latency = Duration.ofNanos(System.nanoTime() - start);
			CallbackOutcomes.refusedNameReason(failure)
				.ifPresent((reason) -> log.info("Delivery {} (execution {}) refused: {}", delivery.id(),
						delivery.executionId(), reason));
			AttemptOutcome outcome = CallbackOutcomes.of(response, failure, startedAt, latency);
			report(breaker, outcome);
			return isGone(outcome) ? disable(delivery, outcome) : outcome;
		}, this.executor);
	}

	/** An invalid URL, or an address in it that the guard refuses. */
	@Override
	public boolean refusesAtOnce(Delivery delivery) {
		try {
			return this.poster.refusesAtOnce(CallbackTarget.parse(delivery.destination()));
		}
		catch (InvalidCallbackUrlException ex) {
			return true;
		}
	}

	private Map<String, String> signedHeaders(Delivery delivery, Instant now, byte[] body) {
		long timestamp = now.getEpochSecond();
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(ID_HEADER, delivery.id());
		headers.put(TIMESTAMP_HEADER, Long.toString(timestamp));
		headers.put(SIGNATURE_HEADER, this.secrets.keysFor(delivery.ownerId()).sign(delivery.id(), timestamp, body));
		return headers;
	}

	private void report(String breaker, AttemptOutcome outcome) {
		if (CallbackOutcomes.isRefused(outcome)) {
			this.breakers.released(breaker);
		}
		else if (CallbackOutcomes.isUnhealthy(outcome)) {
			this.breakers.failed(breaker, outcome.latency());
		}
		else {
			this.breakers.succeeded(breaker, outcome.latency());
		}
	}

	private static boolean isGone(AttemptOutcome outcome) {
		Integer status = outcome.statusCode();
		return status != null && status == CallbackOutcomes.GONE;
	}

	/**
	 * The receiver said the endpoint is gone: stop this owner's callbacks to it for the
	 * deployment.
	 */
	private AttemptOutcome disable(Delivery delivery, AttemptOutcome gone) {
		String reason = "HTTP 410 Gone from " + delivery.destination();
		this.disabled.disable(new DisabledCallback(delivery.ownerId(), delivery.deploymentId(), delivery.destination(),
				this.clock.instant(), reason));
		return new AttemptOutcome(gone.verdict(), gone.startedAt(), gone.latency(), gone.statusCode(), gone.error()
				+ "; callbacks of deployment " + delivery.deploymentId() + " to this URL are disabled until enabled",
				gone.responseSnippet(), null);
	}

	/** Refused before connecting: counted and logged, but not against the breaker. */
	private static AttemptOutcome invalid(InvalidCallbackUrlException ex, Instant now) {
		return new AttemptOutcome(AttemptOutcome.Verdict.PERMANENT, now, Duration.ZERO, null,
				ex.getMessage() + "; not sent", null, null);
	}

	private static String disabledReason(String deploymentId) {
		return "Callbacks of deployment " + deploymentId + " to this URL are disabled (the receiver answered 410 Gone)";
	}

}
