package dev.flowgate.delivery.persistence;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Serves the poller's due query, an execution's deliveries, an owner's pages, the
 * retention sweep and an owner's disabled callbacks (lease-checked writes find their
 * document by {@code _id}); the erasure of a deleted owner finds its deliveries and stops
 * through the owner indexes, and erased owners are found by {@code _id}. Creating an
 * existing index is a no-op.
 */
@Component
class DeliveryIndexes {

	private final MongoTemplate mongo;

	DeliveryIndexes(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@EventListener(ApplicationStartedEvent.class)
	void create() {
		this.mongo.indexOps(DeliveryDocument.class)
			.createIndex(new Index().on(DeliveryDocument.STATUS, Sort.Direction.ASC)
				.on(DeliveryDocument.NEXT_ATTEMPT_AT, Sort.Direction.ASC)
				.named("due"));
		this.mongo.indexOps(DeliveryDocument.class)
			.createIndex(new Index().on(DeliveryDocument.EXECUTION_ID, Sort.Direction.ASC).named("by_execution"));
		// An owner's deliveries, newest first, of one status or all (GET /v1/deliveries).
		this.mongo.indexOps(DeliveryDocument.class)
			.createIndex(new Index().on(DeliveryDocument.OWNER_ID, Sort.Direction.ASC)
				.on(DeliveryDocument.STATUS, Sort.Direction.ASC)
				.on(DeliveryDocument.CREATED_AT, Sort.Direction.DESC)
				.named("by_owner_status"));
		this.mongo.indexOps(DeliveryDocument.class)
			.createIndex(new Index().on(DeliveryDocument.OWNER_ID, Sort.Direction.ASC)
				.on(DeliveryDocument.CREATED_AT, Sort.Direction.DESC)
				.named("by_owner"));
		// The retention sweep's queries.
		this.mongo.indexOps(DeliveryDocument.class)
			.createIndex(new Index().on(DeliveryDocument.FINISHED_AT, Sort.Direction.ASC).sparse().named("by_finish"));
		// An owner's stops, newest first (GET /v1/callbacks/disabled): a page reads
		// only its own documents. It also serves the owner lookups of the earlier
		// by_owner index, left in place: an older instance may still be running.
		this.mongo.indexOps(DisabledCallbackDocument.class)
			.createIndex(new Index().on(DisabledCallbackDocument.OWNER_ID, Sort.Direction.ASC)
				.on(DisabledCallbackDocument.DISABLED_AT, Sort.Direction.DESC)
				.on(DisabledCallbackDocument.ID, Sort.Direction.DESC)
				.named("by_owner_newest"));
	}

}
