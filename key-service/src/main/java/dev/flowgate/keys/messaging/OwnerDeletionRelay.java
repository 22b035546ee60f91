package dev.flowgate.keys.messaging;

import java.time.Duration;

import dev.flowgate.keys.config.FlowgateProperties;
import dev.flowgate.keys.domain.owner.OwnerDeletions;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** Finishes owner deletions that a crash or an unavailable broker interrupted. */
@Component
class OwnerDeletionRelay implements SchedulingConfigurer {

	private final OwnerDeletions deletions;

	private final Duration interval;

	OwnerDeletionRelay(OwnerDeletions deletions, FlowgateProperties properties) {
		this.deletions = deletions;
		this.interval = properties.outbox().relayInterval();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(this.deletions::finishPending, this.interval);
	}

}
