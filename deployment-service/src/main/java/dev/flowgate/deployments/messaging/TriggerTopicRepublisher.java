package dev.flowgate.deployments.messaging;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.flowgate.deployments.config.PublicationProperties;
import dev.flowgate.deployments.persistence.CancellationOutbox;
import dev.flowgate.deployments.persistence.ReplayOutbox;

/**
 * Publishes what a crash or a Kafka outage left in the outboxes of the triggers' topic:
 * replay triggers and cancel requests.
 */
@Component
class TriggerTopicRepublisher {

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

	@Scheduled(fixedDelayString = "${flowgate.publication.republish-interval:5s}")
	void republishOverdue() {
		republish(() -> this.replays.claimOverdue(this.clock.instant(), this.properties.lease()),
				this.replayPublisher::publish);
		republish(() -> this.cancellations.claimOverdue(this.clock.instant(), this.properties.lease()),
				this.cancellationPublisher::publish);
	}

	/** Claims and publishes until nothing overdue is left (a claim extends the lease). */
	private static <T> void republish(Supplier<Optional<T>> claimOverdue, Consumer<T> publish) {
		Optional<T> overdue;
		while ((overdue = claimOverdue.get()).isPresent()) {
			publish.accept(overdue.get());
		}
	}

}
