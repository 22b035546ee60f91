package dev.flowgate.keys.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.flowgate.keys.domain.key.ApiKey;
import dev.flowgate.keys.domain.key.KeyStore;
import dev.flowgate.store.PendingPublication;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Keys in MongoDB; every write is a single-document conditional update. */
@Repository
class MongoKeyStore implements KeyStore {

	private final MongoTemplate mongo;

	MongoKeyStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void insert(ApiKey key) {
		this.mongo.insert(KeyDocument.unpublished(key));
	}

	@Override
	public Optional<ApiKey> findOwned(String ownerId, String keyId) {
		Query query = Query.query(where(KeyDocument.ID).is(keyId)
			.and(KeyDocument.OWNER_ID)
			.is(ownerId)
			.and(KeyDocument.DELETED)
			.is(false));
		return Optional.ofNullable(this.mongo.findOne(query, KeyDocument.class)).map(KeyDocument::toKey);
	}

	@Override
	public List<ApiKey> findAllOwned(String ownerId) {
		Query query = Query.query(where(KeyDocument.OWNER_ID).is(ownerId).and(KeyDocument.DELETED).is(false))
			.with(Sort.by(Sort.Order.desc(KeyDocument.CREATED_AT), Sort.Order.desc(KeyDocument.ID)));
		return this.mongo.find(query, KeyDocument.class).stream().map(KeyDocument::toKey).toList();
	}

	@Override
	public long countOwned(String ownerId) {
		return this.mongo.count(Query.query(where(KeyDocument.OWNER_ID).is(ownerId).and(KeyDocument.DELETED).is(false)),
				KeyDocument.class);
	}

	@Override
	public boolean replace(ApiKey changed) {
		Query unchangedSinceRead = Query.query(where(KeyDocument.ID).is(changed.id())
			.and(KeyDocument.VERSION)
			.is(changed.version() - 1)
			.and(KeyDocument.DELETED)
			.is(false));
		return this.mongo
			.updateFirst(unchangedSinceRead, PendingPublication.flagged(KeyDocument.stateOf(changed)),
					KeyDocument.class)
			.getMatchedCount() == 1;
	}

	@Override
	public void recordUse(String keyId, Instant usedAt, Instant usedSince) {
		Query notUsedSince = Query.query(where(KeyDocument.ID).is(keyId)
			.and(KeyDocument.DELETED)
			.is(false)
			.orOperator(where(KeyDocument.LAST_USED_AT).is(null), where(KeyDocument.LAST_USED_AT).lt(usedSince)));
		this.mongo.updateFirst(notUsedSince, Update.update(KeyDocument.LAST_USED_AT, usedAt), KeyDocument.class);
	}

}
