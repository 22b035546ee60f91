package dev.flowgate.keys.persistence;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.flowgate.contracts.Topics;
import dev.flowgate.keys.domain.key.KeyOutbox;
import dev.flowgate.keys.domain.key.PublicationClaim;
import dev.flowgate.store.PendingPublication;
import org.bson.Document;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The outbox bookkeeping on the key documents themselves. */
@Repository
class MongoKeyOutbox implements KeyOutbox {

	private final MongoTemplate mongo;

	private final Clock clock;

	MongoKeyOutbox(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@Override
	public List<String> pendingKeyIds(Instant now, int limit) {
		Query query = Query.query(new Criteria().andOperator(unpublished(), unclaimed(now))).limit(limit);
		query.fields().include(KeyDocument.ID);
		return this.mongo.find(query, Document.class, KeyDocument.COLLECTION)
			.stream()
			.map((document) -> document.getString(KeyDocument.ID))
			.toList();
	}

	@Override
	public Optional<PublicationClaim> claim(String keyId, Instant now, Instant until) {
		String token = UUID.randomUUID().toString();
		Query query = Query
			.query(new Criteria().andOperator(where(KeyDocument.ID).is(keyId), unpublished(), unclaimed(now)));
		Update update = Update.update(KeyDocument.CLAIM_TOKEN, token).set(KeyDocument.CLAIMED_UNTIL, until);
		KeyDocument claimed = this.mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true),
				KeyDocument.class);
		return Optional.ofNullable(claimed).map((document) -> new PublicationClaim(document.toKey(), token));
	}

	@Override
	public void markPublished(PublicationClaim claim) {
		long version = claim.key().version();
		Query query = claimed(claim).addCriteria(where(KeyDocument.PUBLISHED_VERSION).lt(version));
		Update update = unclaim().set(KeyDocument.PUBLISHED_VERSION, version);
		if (claim.key().deleted()) {
			// Until then, setting publishedVersion back sends the tombstone again (a TTL
			// index removes the document).
			update.set(KeyDocument.FORGET_AT, this.clock.instant().plus(Topics.KEYS.retention()));
		}
		this.mongo.updateFirst(query, update, KeyDocument.class);
		PendingPublication.published(this.mongo, KeyDocument.COLLECTION, claim.key().id(), version);
	}

	@Override
	public void release(PublicationClaim claim) {
		this.mongo.updateFirst(claimed(claim), unclaim(), KeyDocument.class);
	}

	private static Criteria unpublished() {
		return PendingPublication.awaiting();
	}

	private static Criteria unclaimed(Instant now) {
		return new Criteria().orOperator(where(KeyDocument.CLAIMED_UNTIL).is(null),
				where(KeyDocument.CLAIMED_UNTIL).lt(now));
	}

	private static Query claimed(PublicationClaim claim) {
		return Query.query(where(KeyDocument.ID).is(claim.key().id()).and(KeyDocument.CLAIM_TOKEN).is(claim.token()));
	}

	private static Update unclaim() {
		return new Update().unset(KeyDocument.CLAIM_TOKEN).unset(KeyDocument.CLAIMED_UNTIL);
	}

}
