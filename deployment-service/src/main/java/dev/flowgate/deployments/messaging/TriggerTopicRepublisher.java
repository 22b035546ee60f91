package dev.flowgate.deployments.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import dev.flowgate.deployments.config.PublicationProperties;
import dev.flowgate.deployments.persistence.CancellationOutbox;
import dev.flowgate.deployments.persistence.ReplayOutbox;

/**
 * Publishes what a crash or a Kafka outage left in the outboxes of the triggers' topic:
 * replay triggers and cancel requests.
 */
@Component
class TriggerTopicRepublisher implements SchedulingConfigurer {

	private final ReplayOutbox replays;

	private final ReplayPublisher replayPublisher;

	private final CancellationOutbox cancellations;

	private final CancellationPublisher cancellationPublisher;

	private final PublicationProperties properties;

	private final Clock clock;

	TriggerTopicRepublisher(ReplayOutbox replays, ReplayPublisher replayPublisher, CancellationOutbox cancellations,
			CancellationPublisher cancellationPublisher, PublicationProperties properties, Clock clock) {
		this.replays = replays;
		this.replayPublisher = replayPublisher;
		this.cancellations = cancellations;
		this.cancellationPublisher = cancellationPublisher;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(this::republishOverdue, this.properties.republishInterval());
	}

	void republishOverdue() {
		republish(this.replays::claimOverdue, this.replayPublisher::publish);
		// A cancel request sent twice stops the execution once: its claim needs no guard.
		republish(this.cancellations::claimOverdue,
				(request, claimedUntil) -> this.cancellationPublisher.publish(request));
	}

	/**
	 * Claims and publishes until nothing overdue is left (a claim extends the lease until
	 * the time handed on).
	 */
	private <T> void republish(BiFunction<Instant, Duration, Optional<T>> claimOverdue,
			BiConsumer<T, Instant> publish) {
		while (true) {
			Instant now = this.clock.instant();
			Optional<T> overdue = claimOverdue.apply(now, this.properties.lease());
			if (overdue.isEmpty()) {
				return;
			}
			publish.accept(overdue.get(), now.plus(this.properties.lease()));
		}
	}

}
