package dev.flowgate.keys.persistence;

import java.time.Duration;

import dev.flowgate.store.PendingPublication;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Serves an owner's key list, newest first, and the relay's look for unpublished keys,
 * and removes deleted keys once their time is up; creating an existing index is a no-op.
 */
@Component
class KeyIndexes {

	private final MongoTemplate mongo;

	KeyIndexes(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@EventListener(ApplicationStartedEvent.class)
	void create() {
		this.mongo.indexOps(KeyDocument.class)
			.createIndex(new Index().on(KeyDocument.OWNER_ID, Sort.Direction.ASC)
				.on(KeyDocument.CREATED_AT, Sort.Direction.DESC)
				.named("owner_newest_first"));
		this.mongo.indexOps(KeyDocument.class)
			.createIndex(new Index().on(KeyDocument.FORGET_AT, Sort.Direction.ASC)
				.expire(Duration.ZERO)
				.named("forget_deleted"));
		PendingPublication.prepare(this.mongo, KeyDocument.COLLECTION);
	}

}
