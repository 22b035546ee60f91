package dev.flowgate.deployments.persistence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

	private static final Logger log = LoggerFactory.getLogger(DeploymentPublicationSweep.class);

	private final MongoTemplate mongo;

	DeploymentPublicationSweep(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Scheduled(fixedDelayString = "${flowgate.publication.sweep-interval:5m}")
	void sweep() {
		long flagged = PendingPublication.flagBehind(this.mongo, DeploymentDocument.COLLECTION);
		if (flagged > 0) {
			log.info("Flagged {} unpublished deployment(s) changed without the flag", flagged);
		}
	}

}
