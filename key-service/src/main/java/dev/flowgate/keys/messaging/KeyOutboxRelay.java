package dev.flowgate.keys.messaging;

import java.time.Duration;

import dev.flowgate.keys.config.FlowgateProperties;
import dev.flowgate.keys.domain.key.KeyPublication;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** Republishes key state that a crash or an unavailable broker left unpublished. */
@Component
class KeyOutboxRelay implements SchedulingConfigurer {

	private final KeyPublication publication;

	private final Duration interval;

	KeyOutboxRelay(KeyPublication publication, FlowgateProperties properties) {
		this.publication = publication;
		this.interval = properties.outbox().relayInterval();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(this::relay, this.interval);
	}

	void relay() {
		this.publication.publishPending();
	}

}
