package dev.flowgate.deployments.persistence;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import dev.flowgate.deployments.domain.idempotency.IdempotencyKey;
import dev.flowgate.deployments.domain.idempotency.IdempotencyRecord;
import dev.flowgate.deployments.domain.idempotency.IdempotencyStore;
import dev.flowgate.deployments.domain.idempotency.StoredAnswer;
import dev.flowgate.store.OwnedDocuments;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * One document per owner and key, the pair its id, so that of two replicas inserting it
 * one gets a duplicate key. A write of an attempt names its start: a late one of an
 * attempt taken over changes nothing.
 */
@Repository
class MongoIdempotencyStore implements IdempotencyStore {

	static final String COLLECTION = "idempotency_keys";

	static final String STARTED_AT = "startedAt";

	/** The TTL index that expires the records by their start ({@link MongoIndexes}). */
	static final String TTL_INDEX = "idempotency_ttl";

	private static final String ID = "_id";

	private static final String OWNER = "ownerId";

	private static final String FINGERPRINT = "fingerprint";

	private static final String ANSWER = "answer";

	private static final String STATUS = "status";

	private static final String HEADERS = "headers";

	private static final String BODY = "body";

	private final MongoTemplate mongo;

	MongoIdempotencyStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public boolean insert(IdempotencyRecord record) {
		try {
			this.mongo.insert(new Document(ID, id(record.id())).append(FINGERPRINT, record.fingerprint())
				.append(STARTED_AT, Date.from(record.startedAt())), COLLECTION);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	@Override
	public Optional<IdempotencyRecord> find(IdempotencyKey id) {
		Document found = this.mongo.findOne(Query.query(where(ID).is(id(id))), Document.class, COLLECTION);
		return Optional.ofNullable(found).map((document) -> record(id, document));
	}

	@Override
	public boolean replace(IdempotencyRecord stale, IdempotencyRecord fresh) {
		Update update = new Update().set(FINGERPRINT, fresh.fingerprint())
			.set(STARTED_AT, Date.from(fresh.startedAt()))
			.unset(ANSWER);
		return this.mongo.updateFirst(attempt(stale, stale.answer() != null), update, COLLECTION)
			.getModifiedCount() == 1;
	}

	@Override
	public void complete(IdempotencyRecord claim, StoredAnswer answer) {
		Document stored = new Document(STATUS, answer.status()).append(HEADERS, new Document(answer.headers()))
			.append(BODY, new Binary(answer.body()));
		this.mongo.updateFirst(attempt(claim, false), new Update().set(ANSWER, stored), COLLECTION);
	}

	@Override
	public void release(IdempotencyRecord claim) {
		this.mongo.remove(attempt(claim, false), COLLECTION);
	}

	@Override
	public long deleteStartedBefore(Instant cutoff) {
		return this.mongo.remove(Query.query(where(STARTED_AT).lt(Date.from(cutoff))), COLLECTION).getDeletedCount();
	}

	/**
	 * The owner is part of the id (no field of its own): found without an index, by
	 * reading the records, which the TTL index keeps to
	 * {@code flowgate.idempotency.kept-for}.
	 */
	@Override
	public int deleteOwned(String ownerId, int limit) {
		return OwnedDocuments.remove(this.mongo, COLLECTION, where(ID + "." + OWNER).is(ownerId), limit);
	}

	/** The record as it was read: the same attempt, answered or not. */
	private static Query attempt(IdempotencyRecord record, boolean answered) {
		Criteria criteria = where(ID).is(id(record.id()))
			.and(STARTED_AT)
			.is(Date.from(record.startedAt()))
			.and(ANSWER)
			.exists(answered);
		return Query.query(criteria);
	}

	private static Document id(IdempotencyKey id) {
		return new Document(OWNER, id.ownerId()).append("key", id.key());
	}

	private static IdempotencyRecord record(IdempotencyKey id, Document document) {
		Document answer = document.get(ANSWER, Document.class);
		return new IdempotencyRecord(id, document.getString(FINGERPRINT), document.getDate(STARTED_AT).toInstant(),
				(answer != null) ? answer(answer) : null);
	}

	private static StoredAnswer answer(Document answer) {
		Map<String, String> headers = new HashMap<>();
		answer.get(HEADERS, Document.class).forEach((name, value) -> headers.put(name, (String) value));
		return new StoredAnswer(answer.getInteger(STATUS), headers, answer.get(BODY, Binary.class).getData());
	}

}
