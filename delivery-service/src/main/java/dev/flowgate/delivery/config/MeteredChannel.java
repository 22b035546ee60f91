package dev.flowgate.delivery.config;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import dev.flowgate.contracts.DeliveryChannel;
import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.delivery.domain.delivery.AttemptOutcome;
import dev.flowgate.delivery.domain.delivery.Channel;
import dev.flowgate.delivery.domain.delivery.Delivery;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Counts and times a channel's attempts ({@value #ATTEMPTS}) by channel and outcome
 * ({@code delivered}, {@code retryable}, {@code throttled}, {@code permanent}). Attempts
 * put off by an open circuit are not attempts and are not counted.
 */
final class MeteredChannel implements Channel {

	static final String ATTEMPTS = "flowgate.delivery.attempts";

	private final Channel channel;

	private final MeterRegistry registry;

	MeteredChannel(Channel channel, MeterRegistry registry) {
		this.channel = channel;
		this.registry = registry;
	}

	@Override
	public DeliveryChannel id() {
		return this.channel.id();
	}

	@Override
	public Optional<Prepared> prepare(ExecutionCompleted result) {
		return this.channel.prepare(result);
	}

	@Override
	public CompletableFuture<AttemptOutcome> send(Delivery delivery) {
		return this.channel.send(delivery).whenComplete((outcome, failure) -> {
			if (outcome != null && outcome.attempted()) {
				record(outcome);
			}
		});
	}

	private void record(AttemptOutcome outcome) {
		Timer.builder(ATTEMPTS)
			.description("Delivery attempts and how long the receiver took to answer")
			.tag("channel", lower(this.channel.id().name()))
			.tag("outcome", lower(outcome.verdict().name()))
			.register(this.registry)
			.record(outcome.latency());
	}

	private static String lower(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

}
