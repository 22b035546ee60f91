package dev.flowgate.keys.persistence;

import java.time.Duration;

import dev.flowgate.keys.config.FlowgateProperties;
import dev.flowgate.store.PendingPublication;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Now and then, flags keys changed by a replica that does not flag its writes (the
 * version before, during a rolling upgrade), so that the relay finds them.
 */
@Component
class KeyPublicationSweep implements SchedulingConfigurer {

	private final MongoTemplate mongo;

	private final Duration interval;

	KeyPublicationSweep(MongoTemplate mongo, FlowgateProperties properties) {
		this.mongo = mongo;
		this.interval = properties.outbox().sweepInterval();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		// Not at start: the index set-up has just settled what was stored before.
		tasks.addFixedDelayTask(new FixedDelayTask(this::sweep, this.interval, this.interval));
	}

	void sweep() {
		PendingPublication.flagBehind(this.mongo, KeyDocument.COLLECTION);
	}

}
