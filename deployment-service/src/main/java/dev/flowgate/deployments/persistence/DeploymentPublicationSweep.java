package dev.flowgate.deployments.persistence;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.flowgate.store.PendingPublication;

/**
 * Now and then, flags deployments changed by a replica that does not flag its writes (the
 * version before, during a rolling upgrade), so that the republisher finds them.
 */
@Component
class DeploymentPublicationSweep {

	private final MongoTemplate mongo;

	DeploymentPublicationSweep(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	// Not at start: the index set-up has just settled what was stored before.
	@Scheduled(fixedDelayString = "${flowgate.publication.sweep-interval:5m}",
			initialDelayString = "${flowgate.publication.sweep-interval:5m}")
	void sweep() {
		PendingPublication.flagBehind(this.mongo, DeploymentDocument.COLLECTION);
	}

}
