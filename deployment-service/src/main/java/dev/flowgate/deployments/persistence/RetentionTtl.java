package dev.flowgate.deployments.persistence;

import java.time.Duration;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;

/**
 * A TTL index by which MongoDB expires old documents (executions, idempotency records),
 * kept at the configured retention. Creating it again with another expiry fails
 * (IndexOptionsConflict), so an existing one is changed in place with {@code collMod};
 * where that is not allowed (the {@code readWrite} role has no {@code collMod}) it is
 * dropped and created anew.
 */
class RetentionTtl {

	static final String NAME = "retention_ttl";

	static final String EXPIRY = "expireAfterSeconds";

	private static final Logger log = LoggerFactory.getLogger(RetentionTtl.class);

	private final MongoTemplate mongo;

	private final String collection;

	private final String field;

	private final String name;

	RetentionTtl(MongoTemplate mongo, String collection, String field, String name) {
		this.mongo = mongo;
		this.collection = collection;
		this.field = field;
		this.name = name;
	}

	/** The executions' index, expiring them by their creation. */
	static RetentionTtl executions(MongoTemplate mongo) {
		return new RetentionTtl(mongo, ExecutionDocument.COLLECTION, ExecutionDocument.CREATED_AT, NAME);
	}

	/** What keeps the index at the wanted expiry. */
	enum Change {

		CREATE, NONE, MODIFY;

		/**
		 * @param existing the index as listed, {@code null} if there is none
		 */
		static Change of(Document existing, long wantedSeconds) {
			if (existing == null) {
				return CREATE;
			}
			Object expiry = existing.get(EXPIRY);
			boolean same = expiry instanceof Number seconds && seconds.longValue() == wantedSeconds;
			return same ? NONE : MODIFY;
		}

	}

	void keep(Duration retention) {
		long wanted = retention.toSeconds();
		try {
			Document existing = existing();
			switch (Change.of(existing, wanted)) {
				case CREATE -> create(wanted);
				case MODIFY -> modify(existing.get(EXPIRY), wanted);
				case NONE -> {
				}
			}
		}
		catch (DataAccessException ex) {
			log.warn("Could not set the TTL index '{}' to {} s; MongoDB may remove documents at another age: {}",
					this.name, wanted, ex.getMessage());
		}
	}

	private Document existing() {
		for (Document index : this.mongo.getCollection(this.collection).listIndexes()) {
			if (this.name.equals(index.getString("name"))) {
				return index;
			}
		}
		return null;
	}

	private void modify(Object from, long wanted) {
		try {
			this.mongo.executeCommand(new Document("collMod", this.collection).append("index",
					new Document("name", this.name).append(EXPIRY, wanted)));
		}
		catch (DataAccessException ex) {
			log.info("Could not change the TTL index '{}' in place ({}); creating it anew", this.name, ex.getMessage());
			indexes().dropIndex(this.name);
			create(wanted);
		}
		log.info("Changed the TTL index '{}' from {} s to {} s", this.name, from, wanted);
	}

	private void create(long seconds) {
		indexes().createIndex(
				new Index().on(this.field, Sort.Direction.ASC).expire(Duration.ofSeconds(seconds)).named(this.name));
	}

	private IndexOperations indexes() {
		return this.mongo.indexOps(this.collection);
	}

}
