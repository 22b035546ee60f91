package dev.flowgate.delivery.domain.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;

import dev.flowgate.contracts.DeliveryChannel;
import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.delivery.domain.JsonWriter;
import dev.flowgate.delivery.domain.delivery.AttemptOutcome;
import dev.flowgate.delivery.domain.delivery.AttemptOutcome.Verdict;
import dev.flowgate.delivery.domain.delivery.Channel;
import dev.flowgate.delivery.domain.delivery.Delivery;
import dev.flowgate.delivery.domain.delivery.Message;

/** Results by email, retried and logged like callbacks. */
public final class EmailChannel implements Channel {

	/**
	 * All email goes through one SMTP relay: one destination for the concurrency limits.
	 */
	static final String DESTINATION_KEY = "smtp";

	private final EmailComposer composer;

	private final MailTransport transport;

	private final long maxPayloadBytes;

	private final Executor executor;

	private final Clock clock;

	/**
	 * @param maxPayloadBytes the most an email may be: one whose outputs alone render to
	 * more is not composed in full
	 * @param executor where an attempt's outcome is made, and what follows it (the next
	 * claims) runs: never an SMTP thread or the JVM's timer thread
	 */
	public EmailChannel(JsonWriter json, MailTransport transport, long maxPayloadBytes, Executor executor,
			Clock clock) {
		this.composer = new EmailComposer(json);
		this.maxPayloadBytes = maxPayloadBytes;
		this.transport = transport;
		this.executor = executor;
		this.clock = clock;
	}

	@Override
	public DeliveryChannel id() {
		return DeliveryChannel.EMAIL;
	}

	@Override
	public Optional<Prepared> prepare(ExecutionCompleted result) {
		String to = result.delivery().email();
		if (to == null || to.isBlank()) {
			return Optional.empty();
		}
		String destination = to.trim();
		return Optional.of(this.composer.compose(result, this.maxPayloadBytes)
			.map((message) -> Prepared.ready(destination, DESTINATION_KEY, message))
			.orElseGet(() -> Prepared.refused(destination, DESTINATION_KEY,
					Message.email(this.composer.subject(result), "", ""),
					"Outputs render to more than " + this.maxPayloadBytes + " bytes; not sent")));
	}

	@Override
	public CompletableFuture<AttemptOutcome> send(Delivery delivery) {
		Instant startedAt = this.clock.instant();
		long start = System.nanoTime();
		return this.transport.send(delivery.destination(), delivery.message(), messageKey(delivery))
			.handleAsync((sent, failure) -> {
				Duration latency = Duration.ofNanos(System.nanoTime() - start);
				if (failure == null) {
					return new AttemptOutcome(Verdict.DELIVERED, startedAt, latency, null, null, null, null);
				}
				Throwable cause = (failure instanceof CompletionException && failure.getCause() != null)
						? failure.getCause() : failure;
				Verdict verdict = isPermanent(cause) ? Verdict.PERMANENT : Verdict.RETRYABLE;
				String error = (cause instanceof TimeoutException) ? "not sent within the email timeout"
						: cause.getMessage();
				return new AttemptOutcome(verdict, startedAt, latency, null, "SMTP: " + error, null, null);
			}, this.executor);
	}

	/**
	 * The address is invalid, or the server's reply refused it (or the message) for good.
	 */
	private static boolean isPermanent(Throwable cause) {
		return cause instanceof InvalidRecipientException || cause instanceof MailRejectedException;
	}

	/**
	 * One per delivery and round: an attempt that timed out may still have been sent, and
	 * its retry then carries the same {@code Message-ID}, which mail clients show once. A
	 * replay, another round, is another message.
	 */
	static String messageKey(Delivery delivery) {
		return delivery.id() + "." + (delivery.attempts() - delivery.roundAttempts());
	}

}
