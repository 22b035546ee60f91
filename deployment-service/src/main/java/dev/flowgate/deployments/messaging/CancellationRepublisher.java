package dev.flowgate.deployments.messaging;

import java.time.Clock;
import java.util.Optional;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.flowgate.contracts.ExecutionCancellationRequested;
import dev.flowgate.deployments.config.PublicationProperties;
import dev.flowgate.deployments.persistence.CancellationOutbox;

/** Publishes cancel requests that a crash or a Kafka outage left unpublished. */
@Component
class CancellationRepublisher {

	private final CancellationOutbox outbox;

	private final CancellationPublisher publisher;

	private final PublicationProperties properties;

	private final Clock clock;

	CancellationRepublisher(CancellationOutbox outbox, CancellationPublisher publisher,
			PublicationProperties properties, Clock clock) {
		this.outbox = outbox;
		this.publisher = publisher;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${flowgate.publication.republish-interval:5s}")
	void republishOverdue() {
		Optional<ExecutionCancellationRequested> overdue;
		while ((overdue = this.outbox.claimOverdue(this.clock.instant(), this.properties.lease())).isPresent()) {
			this.publisher.publish(overdue.get());
		}
	}

}
