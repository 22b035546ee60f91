package dev.flowgate.keys.persistence;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Serves the owner list, newest first a page at a time, and the deletions still to
 * announce; creating an existing index is a no-op.
 */
@Component
class OwnerIndexes {

	private final MongoTemplate mongo;

	OwnerIndexes(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@EventListener(ApplicationStartedEvent.class)
	void create() {
		// The list's pages, in their order whole (the id breaks ties).
		this.mongo.indexOps(OwnerDocument.class)
			.createIndex(new Index().on(OwnerDocument.CREATED_AT, Sort.Direction.DESC)
				.on(OwnerDocument.ID, Sort.Direction.DESC)
				.named("newest_first_by_id"));
		// Deletions still to announce: the relay's query reads only those.
		this.mongo.indexOps(OwnerDocument.class)
			.createIndex(new Index().on(OwnerDocument.DELETION_PENDING, Sort.Direction.ASC)
				.sparse()
				.named("deletion_pending"));
	}

}
