package dev.flowgate.deployments.persistence;

import java.util.function.LongSupplier;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The sizes of each owner's stored flow versions together, kept as a running total, one
 * document per owner read by its id: summed over the versions on every write, the budget
 * check read all of them, each time (the embedded MongoDB server, which uses no index for
 * it, ran out of memory after some 70 large versions). A crash between storing a version
 * and counting it leaves it uncounted; one between removing a version and uncounting it
 * leaves it counted until its flow is deleted.
 */
final class StoredFlowBytes {

	static final String COLLECTION = "flow_storage";

	private static final String OWNER = "ownerId";

	private static final String BYTES = "bytes";

	private final MongoTemplate mongo;

	StoredFlowBytes(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * The owner's total; the first time, {@code counted} counts it (from before the total
	 * was kept) and it is kept from then on.
	 */
	long of(String ownerId, LongSupplier counted) {
		Document total = this.mongo.findById(ownerId, Document.class, COLLECTION);
		if (total != null) {
			return ((Number) total.get(BYTES)).longValue();
		}
		long bytes = counted.getAsLong();
		try {
			this.mongo.insert(new Document("_id", ownerId).append(OWNER, ownerId).append(BYTES, bytes), COLLECTION);
			return bytes;
		}
		catch (DuplicateKeyException countedMeanwhile) {
			return of(ownerId, counted);
		}
	}

	/** Adds to the owner's total, once one is kept (until then, a count includes it). */
	void add(String ownerId, long bytes) {
		if (bytes != 0) {
			this.mongo.updateFirst(Query.query(where("_id").is(ownerId)), new Update().inc(BYTES, bytes), COLLECTION);
		}
	}

	/** The owner was deleted. */
	void forget(String ownerId) {
		this.mongo.remove(Query.query(where("_id").is(ownerId)), COLLECTION);
	}

}
