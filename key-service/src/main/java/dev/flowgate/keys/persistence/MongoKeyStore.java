package dev.flowgate.keys.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.flowgate.contracts.KeyStatus;

import dev.flowgate.keys.domain.PageCursor;
import dev.flowgate.keys.domain.key.ApiKey;
import dev.flowgate.keys.domain.key.KeyStore;
import dev.flowgate.store.PendingPublication;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.TypedAggregation;
import org.springframework.data.mongodb.core.query.Criteria;
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

	/**
	 * The order is the {@link KeyIndexes} index's whole, so a page reads only its own
	 * documents (and the one past it).
	 */
	@Override
	public List<ApiKey> findNewestOwned(String ownerId, PageCursor after, int count) {
		Criteria owned = where(KeyDocument.OWNER_ID).is(ownerId).and(KeyDocument.DELETED).is(false);
		if (after != null) {
			owned.orOperator(where(KeyDocument.CREATED_AT).lt(after.createdAt()),
					where(KeyDocument.CREATED_AT).is(after.createdAt()).and(KeyDocument.ID).lt(after.id()));
		}
		Query query = Query.query(owned)
			.with(Sort.by(Sort.Order.desc(KeyDocument.CREATED_AT), Sort.Order.desc(KeyDocument.ID)))
			.limit(count);
		return this.mongo.find(query, KeyDocument.class).stream().map(KeyDocument::toKey).toList();
	}

	@Override
	public long countOwned(String ownerId) {
		return this.mongo.count(Query.query(where(KeyDocument.OWNER_ID).is(ownerId).and(KeyDocument.DELETED).is(false)),
				KeyDocument.class);
	}

	/**
	 * One aggregation for all the owners (a page of the owner list): the index's owner
	 * prefix finds their keys, at most {@code flowgate.keys.per-owner} each.
	 */
	@Override
	public Map<String, Long> countActive(Collection<String> ownerIds, Instant now) {
		Criteria working = where(KeyDocument.OWNER_ID).in(ownerIds)
			.and(KeyDocument.DELETED)
			.is(false)
			.and(KeyDocument.STATUS)
			.is(KeyStatus.ACTIVE)
			.orOperator(where(KeyDocument.EXPIRES_AT).is(null), where(KeyDocument.EXPIRES_AT).gt(now));
		TypedAggregation<KeyDocument> counting = Aggregation.newAggregation(KeyDocument.class,
				Aggregation.match(working), Aggregation.group(KeyDocument.OWNER_ID).count().as(ActiveKeyCount.COUNT));
		return this.mongo.aggregate(counting, ActiveKeyCount.class)
			.getMappedResults()
			.stream()
			.collect(Collectors.toMap(ActiveKeyCount::ownerId, ActiveKeyCount::count));
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

	/** One owner's count, as the aggregation's group answers it. */
	private record ActiveKeyCount(@Id String ownerId, long count) {

		static final String COUNT = "count";

	}

}
