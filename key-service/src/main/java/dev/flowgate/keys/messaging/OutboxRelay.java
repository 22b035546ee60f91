package dev.flowgate.keys.messaging;

import java.time.Duration;

import dev.flowgate.keys.config.FlowgateProperties;
import dev.flowgate.keys.domain.key.KeyPublication;
import dev.flowgate.keys.domain.owner.OwnerDeletions;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Publishes what a crash or an unavailable broker left unpublished: key states, and owner
 * deletions (with the keys they delete).
 */
@Component
class OutboxRelay implements SchedulingConfigurer {

	private final KeyPublication publication;

	private final OwnerDeletions deletions;

	private final Duration interval;

	OutboxRelay(KeyPublication publication, OwnerDeletions deletions, FlowgateProperties properties) {
		this.publication = publication;
		this.deletions = deletions;
		this.interval = properties.outbox().relayInterval();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(this::relay, this.interval);
	}

	void relay() {
		this.publication.publishPending();
		this.deletions.finishPending();
	}

}
