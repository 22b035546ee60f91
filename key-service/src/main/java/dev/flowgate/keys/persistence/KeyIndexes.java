package dev.flowgate.keys.persistence;

import java.time.Duration;

import dev.flowgate.store.PendingPublication;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/**
 * Serves an owner's key list, newest first a page at a time, and the relay's look for
 * unpublished keys, and removes deleted keys once their time is up; creating an existing
 * index is a no-op.
 */
@Component
class KeyIndexes {

	private static final Logger log = LoggerFactory.getLogger(KeyIndexes.class);

	private static final String OWNER_NEWEST_FIRST = "owner_newest_first_by_id";

	/**
	 * The list's index before it had pages: without the id, and now a prefix of the new.
	 */
	private static final String REPLACED = "owner_newest_first";

	private final MongoTemplate mongo;

	KeyIndexes(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@EventListener(ApplicationStartedEvent.class)
	void create() {
		IndexOperations keys = this.mongo.indexOps(KeyDocument.class);
		// The key list's pages, in their order whole (the id breaks ties).
		keys.createIndex(new Index().on(KeyDocument.OWNER_ID, Sort.Direction.ASC)
			.on(KeyDocument.CREATED_AT, Sort.Direction.DESC)
			.on(KeyDocument.ID, Sort.Direction.DESC)
			.named(OWNER_NEWEST_FIRST));
		dropReplaced(keys);
		keys.createIndex(new Index().on(KeyDocument.FORGET_AT, Sort.Direction.ASC)
			.expire(Duration.ZERO)
			.named("forget_deleted"));
		PendingPublication.prepare(this.mongo, KeyDocument.COLLECTION);
	}

	private static void dropReplaced(IndexOperations keys) {
		try {
			if (keys.getIndexInfo().stream().anyMatch((index) -> REPLACED.equals(index.getName()))) {
				keys.dropIndex(REPLACED);
			}
		}
		catch (DataAccessException ex) {
			// Another instance dropped it first, or it stays: it only costs its writes.
			log.info("Index {} not dropped: {}", REPLACED, ex.getMessage());
		}
	}

}
