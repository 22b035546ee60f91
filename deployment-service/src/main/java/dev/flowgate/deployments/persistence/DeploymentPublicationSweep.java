package dev.flowgate.deployments.persistence;

import java.time.Duration;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import dev.flowgate.deployments.config.PublicationProperties;
import dev.flowgate.store.PendingPublication;

/**
 * Now and then, flags deployments changed by a replica that does not flag its writes (the
 * version before, during a rolling upgrade), so that the republisher finds them.
 */
@Component
class DeploymentPublicationSweep implements SchedulingConfigurer {

	private final MongoTemplate mongo;

	private final Duration interval;

	DeploymentPublicationSweep(MongoTemplate mongo, PublicationProperties properties) {
		this.mongo = mongo;
		this.interval = properties.sweepInterval();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		// Not at start: the index set-up has just settled what was stored before.
		tasks.addFixedDelayTask(new FixedDelayTask(this::sweep, this.interval, this.interval));
	}

	void sweep() {
		PendingPublication.flagBehind(this.mongo, DeploymentDocument.COLLECTION);
	}

}
