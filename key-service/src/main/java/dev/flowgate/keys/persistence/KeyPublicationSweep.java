package dev.flowgate.keys.persistence;

import dev.flowgate.store.PendingPublication;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Now and then, flags keys changed by a replica that does not flag its writes (the
 * version before, during a rolling upgrade), so that the relay finds them.
 */
@Component
class KeyPublicationSweep {

	private final MongoTemplate mongo;

	KeyPublicationSweep(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	// Not at start: the index set-up has just settled what was stored before.
	@Scheduled(fixedDelayString = "${flowgate.outbox.sweep-interval:5m}",
			initialDelayString = "${flowgate.outbox.sweep-interval:5m}")
	void sweep() {
		PendingPublication.flagBehind(this.mongo, KeyDocument.COLLECTION);
	}

}
