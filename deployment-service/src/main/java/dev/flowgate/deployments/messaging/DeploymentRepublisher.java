package dev.flowgate.deployments.messaging;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.flowgate.deployments.persistence.DeploymentOutbox;

/** Publishes deployment states that a crash or a Kafka outage left unpublished. */
@Component
class DeploymentRepublisher {

	private final DeploymentOutbox outbox;

	private final DeploymentStatePublisher publisher;

	private final Clock clock;

	DeploymentRepublisher(DeploymentOutbox outbox, DeploymentStatePublisher publisher, Clock clock) {
		this.outbox = outbox;
		this.publisher = publisher;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${flowgate.publication.republish-interval:5s}")
	void republishPending() {
		this.outbox.pendingIds(this.clock.instant()).forEach(this.publisher::publish);
	}

}
