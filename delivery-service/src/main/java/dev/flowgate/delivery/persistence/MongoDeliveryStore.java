package dev.flowgate.delivery.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;
import dev.flowgate.delivery.domain.delivery.Claim;
import dev.flowgate.delivery.domain.delivery.Delivery;
import dev.flowgate.delivery.domain.delivery.DeliveryStatus;
import dev.flowgate.delivery.domain.delivery.DeliveryStore;
import dev.flowgate.delivery.domain.delivery.Lease;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Deliveries in MongoDB; each change is one single-document atomic write. The writes of
 * an attempt filter by {@code _id} and lease token, which the lease index covers.
 */
@Repository
class MongoDeliveryStore implements DeliveryStore {

	private final MongoTemplate mongo;

	MongoDeliveryStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Set<String> insertAll(List<Delivery> deliveries, Map<String, Lease> leases) {
		Set<String> inserted = new LinkedHashSet<>();
		deliveries.forEach((delivery) -> inserted.add(delivery.id()));
		if (deliveries.isEmpty()) {
			return inserted;
		}
		try {
			this.mongo.bulkOps(BulkMode.UNORDERED, DeliveryDocument.class)
				.insert(deliveries.stream()
					.map((delivery) -> DeliveryDocument.of(delivery, leases.get(delivery.id())))
					.toList())
				.execute();
		}
		catch (BulkOperationException ex) {
			for (BulkWriteError error : ex.getErrors()) {
				if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
					throw ex;
				}
				inserted.remove(deliveries.get(error.getIndex()).id());
			}
		}
		return inserted;
	}

	@Override
	public List<Due> findDue(Instant now, Set<String> busyDestinations, int limit) {
		List<Criteria> due = new ArrayList<>(List.of(where(DeliveryDocument.STATUS).is(DeliveryStatus.PENDING),
				where(DeliveryDocument.NEXT_ATTEMPT_AT).lte(now), unleased(now)));
		if (!busyDestinations.isEmpty()) {
			due.add(where(DeliveryDocument.DESTINATION_KEY).nin(busyDestinations));
		}
		Query query = Query.query(new Criteria().andOperator(due))
			.with(Sort.by(DeliveryDocument.NEXT_ATTEMPT_AT))
			.limit(limit);
		return this.mongo.query(DeliveryDocument.class)
			.as(DueDocument.class)
			.matching(query)
			.all()
			.stream()
			.map(DueDocument::toDue)
			.toList();
	}

	/**
	 * The filter is the lease index's keys exactly, so even mongo-java-server finds the
	 * document without scanning; whether it is due is checked on the leased document.
	 */
	@Override
	public Optional<Claim> claim(String deliveryId, String expectedToken, Instant now, Instant leaseUntil) {
		String token = UUID.randomUUID().toString();
		Query query = Query
			.query(where(DeliveryDocument.ID).is(deliveryId).and(DeliveryDocument.LEASE_TOKEN).is(expectedToken));
		Update update = Update.update(DeliveryDocument.LEASE_TOKEN, token)
			.set(DeliveryDocument.LEASE_UNTIL, leaseUntil);
		DeliveryDocument leased = this.mongo.findAndModify(query, update,
				FindAndModifyOptions.options().returnNew(true), DeliveryDocument.class);
		if (leased == null) {
			return Optional.empty();
		}
		Claim claim = new Claim(leased.toDelivery(), token);
		if (leased.isDue(now)) {
			return Optional.of(claim);
		}
		// Settled since it was found: its token is unset again, so it matched.
		release(claim);
		return Optional.empty();
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
		return Optional.ofNullable(this.mongo.findById(deliveryId, DeliveryDocument.class))
			.map(DeliveryDocument::toDelivery)
			.filter((delivery) -> delivery.ownerId().equals(ownerId));
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
