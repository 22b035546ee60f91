package dev.flowgate.deployments.messaging;

import java.time.Clock;
import java.time.Duration;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import dev.flowgate.deployments.config.PublicationProperties;
import dev.flowgate.deployments.persistence.DeploymentOutbox;

/** Publishes deployment states that a crash or a Kafka outage left unpublished. */
@Component
class DeploymentRepublisher implements SchedulingConfigurer {

	private final DeploymentOutbox outbox;

	private final DeploymentStatePublisher publisher;

	private final Clock clock;

	private final Duration interval;

	DeploymentRepublisher(DeploymentOutbox outbox, DeploymentStatePublisher publisher, Clock clock,
			PublicationProperties properties) {
		this.outbox = outbox;
		this.publisher = publisher;
		this.clock = clock;
		this.interval = properties.republishInterval();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(this::republishPending, this.interval);
	}

	void republishPending() {
		this.outbox.pendingIds(this.clock.instant()).forEach(this.publisher::publish);
	}

}
