package dev.flowgate.delivery.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.flowgate.delivery.domain.delivery.Claim;
import dev.flowgate.delivery.domain.delivery.Delivery;
import dev.flowgate.delivery.domain.delivery.DeliveryStatus;
import dev.flowgate.delivery.domain.delivery.DeliveryStore;
import dev.flowgate.delivery.domain.delivery.Lease;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Deliveries in MongoDB; each change is one single-document atomic write. */
@Repository
class MongoDeliveryStore implements DeliveryStore {

	private final MongoTemplate mongo;

	MongoDeliveryStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public boolean insert(Delivery delivery, Lease lease) {
		try {
			this.mongo.insert(DeliveryDocument.of(delivery, lease));
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	@Override
	public Optional<Claim> claimDue(Instant now, Instant leaseUntil, Set<String> busyDestinations) {
		List<Criteria> due = new ArrayList<>(List.of(where(DeliveryDocument.STATUS).is(DeliveryStatus.PENDING),
				where(DeliveryDocument.NEXT_ATTEMPT_AT).lte(now), unleased(now)));
		if (!busyDestinations.isEmpty()) {
			due.add(where(DeliveryDocument.DESTINATION_KEY).nin(busyDestinations));
		}
		return lease(Query.query(new Criteria().andOperator(due)).with(Sort.by(DeliveryDocument.NEXT_ATTEMPT_AT)),
				leaseUntil);
	}

	@Override
	public Optional<Claim> claim(String deliveryId, Instant now, Instant leaseUntil) {
		Criteria due = new Criteria().andOperator(where(DeliveryDocument.ID).is(deliveryId),
				where(DeliveryDocument.STATUS).is(DeliveryStatus.PENDING),
				where(DeliveryDocument.NEXT_ATTEMPT_AT).lte(now), unleased(now));
		return lease(Query.query(due), leaseUntil);
	}

	@Override
	public void release(Claim claim) {
		this.mongo.updateFirst(leased(claim), unlease(new Update()), DeliveryDocument.class);
	}

	@Override
	public boolean settle(Claim claim, Delivery next) {
		Update update = Update.update(DeliveryDocument.STATUS, next.status())
			.set(DeliveryDocument.ATTEMPTS, next.attempts())
			.set(DeliveryDocument.ROUND_ATTEMPTS, next.roundAttempts())
			.set(DeliveryDocument.NEXT_ATTEMPT_AT, next.nextAttemptAt())
			.set(DeliveryDocument.LAST_ERROR, next.lastError())
			.set(DeliveryDocument.FINISHED_AT, next.finishedAt());
		if (next.status() == DeliveryStatus.FAILED) {
			update.set(DeliveryDocument.FAILURE_EVENT_ID, next.failureEventId().toString())
				.set(DeliveryDocument.FAILURE_PUBLISHED, false);
		}
		return this.mongo.updateFirst(leased(claim), unlease(update), DeliveryDocument.class).getMatchedCount() == 1;
	}

	@Override
	public Optional<Delivery> find(String ownerId, String deliveryId) {
		Query query = Query.query(where(DeliveryDocument.ID).is(deliveryId).and(DeliveryDocument.OWNER_ID).is(ownerId));
		return Optional.ofNullable(this.mongo.findOne(query, DeliveryDocument.class)).map(DeliveryDocument::toDelivery);
	}

	@Override
	public List<Delivery> findByExecution(String ownerId, String executionId) {
		Query query = Query
			.query(where(DeliveryDocument.EXECUTION_ID).is(executionId).and(DeliveryDocument.OWNER_ID).is(ownerId))
			.with(Sort.by(DeliveryDocument.CREATED_AT, DeliveryDocument.ID));
		return this.mongo.find(query, DeliveryDocument.class).stream().map(DeliveryDocument::toDelivery).toList();
	}

	@Override
	public boolean replay(Delivery replayed, DeliveryStatus expected) {
		Query query = Query.query(where(DeliveryDocument.ID).is(replayed.id())
			.and(DeliveryDocument.OWNER_ID)
			.is(replayed.ownerId())
			.and(DeliveryDocument.STATUS)
			.is(expected));
		Update update = Update.update(DeliveryDocument.STATUS, replayed.status())
			.set(DeliveryDocument.ROUND_ATTEMPTS, replayed.roundAttempts())
			.set(DeliveryDocument.NEXT_ATTEMPT_AT, replayed.nextAttemptAt())
			.set(DeliveryDocument.FINISHED_AT, null);
		return this.mongo.updateFirst(query, unlease(update), DeliveryDocument.class).getMatchedCount() == 1;
	}

	@Override
	public List<Delivery> unpublishedFailures(Instant finishedBefore, int limit) {
		Query query = Query
			.query(where(DeliveryDocument.STATUS).is(DeliveryStatus.FAILED)
				.and(DeliveryDocument.FAILURE_PUBLISHED)
				.is(false)
				.and(DeliveryDocument.FINISHED_AT)
				.lt(finishedBefore))
			.limit(limit);
		return this.mongo.find(query, DeliveryDocument.class).stream().map(DeliveryDocument::toDelivery).toList();
	}

	@Override
	public void markFailurePublished(String deliveryId, UUID eventId) {
		Query query = Query.query(where(DeliveryDocument.ID).is(deliveryId)
			.and(DeliveryDocument.FAILURE_EVENT_ID)
			.is(eventId.toString()));
		this.mongo.updateFirst(query, Update.update(DeliveryDocument.FAILURE_PUBLISHED, true), DeliveryDocument.class);
	}

	private Optional<Claim> lease(Query query, Instant leaseUntil) {
		String token = UUID.randomUUID().toString();
		Update update = Update.update(DeliveryDocument.LEASE_TOKEN, token)
			.set(DeliveryDocument.LEASE_UNTIL, leaseUntil);
		DeliveryDocument claimed = this.mongo.findAndModify(query, update,
				FindAndModifyOptions.options().returnNew(true), DeliveryDocument.class);
		return Optional.ofNullable(claimed).map((document) -> new Claim(document.toDelivery(), token));
	}

	private static Criteria unleased(Instant now) {
		return new Criteria().orOperator(where(DeliveryDocument.LEASE_UNTIL).is(null),
				where(DeliveryDocument.LEASE_UNTIL).lt(now));
	}

	private static Query leased(Claim claim) {
		return Query.query(where(DeliveryDocument.ID).is(claim.delivery().id())
			.and(DeliveryDocument.LEASE_TOKEN)
			.is(claim.token()));
	}

	private static Update unlease(Update update) {
		return update.unset(DeliveryDocument.LEASE_TOKEN).unset(DeliveryDocument.LEASE_UNTIL);
	}

}
