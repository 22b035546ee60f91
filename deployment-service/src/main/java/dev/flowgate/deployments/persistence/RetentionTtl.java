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
 * The TTL index by which MongoDB expires old executions, kept at the configured
 * retention. Creating it again with another expiry fails (IndexOptionsConflict), so an
 * existing one is changed in place with {@code collMod}; where that is not allowed (the
 * {@code readWrite} role has no {@code collMod}) it is dropped and created anew.
 */
class RetentionTtl {

	static final String NAME = "retention_ttl";

	static final String EXPIRY = "expireAfterSeconds";

	private static final Logger log = LoggerFactory.getLogger(RetentionTtl.class);

	private final MongoTemplate mongo;

	RetentionTtl(MongoTemplate mongo) {
		this.mongo = mongo;
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
			log.warn("Could not set the retention TTL index '{}' to {} s; MongoDB may remove executions at another "
					+ "age: {}", NAME, wanted, ex.getMessage());
		}
	}

	private Document existing() {
		for (Document index : this.mongo.getCollection(ExecutionDocument.COLLECTION).listIndexes()) {
			if (NAME.equals(index.getString("name"))) {
				return index;
			}
		}
		return null;
	}

	private void modify(Object from, long wanted) {
		try {
			this.mongo.executeCommand(new Document("collMod", ExecutionDocument.COLLECTION).append("index",
					new Document("name", NAME).append(EXPIRY, wanted)));
		}
		catch (DataAccessException ex) {
			log.info("Could not change the retention TTL index in place ({}); creating it anew", ex.getMessage());
			indexes().dropIndex(NAME);
			create(wanted);
		}
		log.info("Changed the retention TTL index '{}' from {} s to {} s", NAME, from, wanted);
	}

	private void create(long seconds) {
		indexes().createIndex(new Index().on(ExecutionDocument.CREATED_AT, Sort.Direction.ASC)
			.expire(Duration.ofSeconds(seconds))
			.named(NAME));
	}

	private IndexOperations indexes() {
		return this.mongo.indexOps(ExecutionDocument.class);
	}

}
