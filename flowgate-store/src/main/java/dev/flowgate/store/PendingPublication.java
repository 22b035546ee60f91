package dev.flowgate.store;

import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * An outbox kept on the documents themselves: one whose {@code publishedVersion} is
 * behind its {@code version} awaits publication. Comparing two fields reads every
 * document, so each write also sets {@value #FIELD}, which is indexed, and the flag is
 * cleared once the published version has caught up: the relay's round reads the pending
 * documents alone. A rare sweep ({@link #flagBehind}) catches the writes of replicas that
 * do not set the flag.
 */
public final class PendingPublication {

	private static final Logger log = LoggerFactory.getLogger(PendingPublication.class);

	public static final String FIELD = "pending";

	private static final String VERSION = "version";

	private static final String PUBLISHED_VERSION = "publishedVersion";

	/** Behind every state: versions start at 1. */
	private static final long NOTHING_PUBLISHED = 0;

	private PendingPublication() {
	}

	/** Marks the write as awaiting publication. */
	public static Update flagged(Update write) {
		return write.set(FIELD, true);
	}

	/**
	 * Documents awaiting publication: flagged (or written before the flag, until
	 * {@link #prepare}) and behind.
	 */
	public static Criteria awaiting() {
		return new Criteria().andOperator(where(FIELD).ne(false), behind());
	}

	/**
	 * Flags the documents that are behind without the flag: written by a writer that does
	 * not set it (a replica of the version before, during a rolling upgrade). Reads every
	 * document, so it runs rarely.
	 */
	public static void flagBehind(MongoTemplate mongo, String collection) {
		long flagged = mongo
			.updateMulti(Query.query(new Criteria().andOperator(where(FIELD).is(false), behind())),
					new Update().set(FIELD, true), collection)
			.getModifiedCount();
		if (flagged > 0) {
			log.info("Flagged {} unpublished document(s) of {} written without the flag", flagged, collection);
		}
	}

	/**
	 * Makes every document await publication again, as if none had been published: the
	 * relay then sends them all. For a topic Kafka lost, where nothing else sends what
	 * was acknowledged before; consumers ignore a version they have, so a state sent
	 * again is harmless.
	 * @return how many documents now await publication again
	 */
	public static long republishAll(MongoTemplate mongo, String collection) {
		long marked = mongo
			.updateMulti(new Query(), new Update().set(PUBLISHED_VERSION, NOTHING_PUBLISHED).set(FIELD, true),
					collection)
			.getModifiedCount();
		log.info("Marked {} document(s) of {} to be published again", marked, collection);
		return marked;
	}

	private static Criteria behind() {
		return Criteria.expr(() -> new Document("$lt", List.of("$" + PUBLISHED_VERSION, "$" + VERSION)));
	}

	/**
	 * Clears the flag if {@code version}, just published, is still the document's: a
	 * write since flagged it again.
	 */
	public static void published(MongoTemplate mongo, String collection, String id, long version) {
		mongo.updateFirst(Query.query(where("_id").is(id).and(VERSION).is(version).and(PUBLISHED_VERSION).is(version)),
				new Update().set(FIELD, false), collection);
	}

	/**
	 * Indexes the flag, and clears it on published documents written before it (those
	 * behind keep awaiting).
	 */
	public static void prepare(MongoTemplate mongo, String collection) {
		mongo.indexOps(collection).createIndex(new Index().on(FIELD, Sort.Direction.ASC));
		Criteria caughtUp = Criteria.expr(() -> new Document("$gte", List.of("$" + PUBLISHED_VERSION, "$" + VERSION)));
		mongo.updateMulti(Query.query(new Criteria().andOperator(where(FIELD).exists(false), caughtUp)),
				new Update().set(FIELD, false), collection);
	}

}
