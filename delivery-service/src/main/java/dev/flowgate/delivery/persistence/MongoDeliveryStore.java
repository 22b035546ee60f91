package dev.flowgate.delivery.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.flowgate.delivery.config.DeliveryProperties;
import dev.flowgate.delivery.domain.delivery.Attempt;
import dev.flowgate.delivery.domain.delivery.Claim;
import dev.flowgate.delivery.domain.delivery.Delivery;
import dev.flowgate.delivery.domain.delivery.DeliveryStatus;
import dev.flowgate.delivery.domain.delivery.DeliveryStore;
import dev.flowgate.delivery.domain.delivery.Lease;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Deliveries in MongoDB, each with its attempt log; each change is one single-document
 * atomic write. The writes of an attempt filter by {@code _id} and lease token.
 */
@Repository
class MongoDeliveryStore implements DeliveryStore {

	private final MongoTemplate mongo;

	private final GroupCommit<List<DeliveryDocument>, Set<String>> inserts = new GroupCommit<>(this::insertEach);

	private final GroupCommit<Settlement, Boolean> settlements = new GroupCommit<>(this::settleAll);

	private final int attemptsKept;

	MongoDeliveryStore(MongoTemplate mongo, DeliveryProperties properties) {
		this.mongo = mongo;
		this.attemptsKept = properties.retention().attemptsPerDelivery();
	}

	/** Written together with the deliveries other threads store at the same time. */
	@Override
	public Set<String> insertAll(List<Delivery> deliveries, Map<String, Lease> leases) {
		if (deliveries.isEmpty()) {
			return Set.of();
		}
		return this.inserts.submit(deliveries.stream()
			.map((delivery) -> DeliveryDocument.of(delivery, leases.get(delivery.id())))
			.toList());
	}

	/**
	 * One unordered insert for several callers; each learns which of its documents were
	 * new.
	 */
	private List<Set<String>> insertEach(List<List<DeliveryDocument>> callers) {
		List<DeliveryDocument> all = callers.stream().flatMap(List::stream).toList();
		Set<Integer> duplicates = new HashSet<>();
		try {
			this.mongo.bulkOps(BulkMode.UNORDERED, DeliveryDocument.class).insert(all).execute();
		}
		catch (BulkOperationException ex) {
			for (BulkWriteError error : ex.getErrors()) {
				if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
					throw ex;
				}
				duplicates.add(error.getIndex());
			}
		}
		List<Set<String>> inserted = new ArrayList<>();
		int index = 0;
		for (List<DeliveryDocument> documents : callers) {
			Set<String> ids = new LinkedHashSet<>();
			for (DeliveryDocument document : documents) {
				if (!duplicates.contains(index++)) {
					ids.add(document.id());
				}
			}
			inserted.add(ids);
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
	 * Each update finds its document by {@code _id} and the lease token seen; whether it
	 * is still due is checked on the leased documents, read back by {@code _id}.
	 */
	@Override
	public List<Claim> claimAll(List<Due> found, Instant now, Instant leaseUntil) {
		if (found.isEmpty()) {
			return List.of();
		}
		String token = UUID.randomUUID().toString();
		BulkOperations bulk = this.mongo.bulkOps(BulkMode.UNORDERED, DeliveryDocument.class);
		for (Due due : found) {
			bulk.updateOne(
					Query.query(where(DeliveryDocument.ID).is(due.deliveryId())
						.and(DeliveryDocument.LEASE_TOKEN)
						.is(due.leaseToken())),
					Update.update(DeliveryDocument.LEASE_TOKEN, token).set(DeliveryDocument.LEASE_UNTIL, leaseUntil));
		}
		if (bulk.execute().getModifiedCount() == 0) {
			return List.of();
		}
		List<String> ids = found.stream().map(Due::deliveryId).distinct().toList();
		Map<String, DeliveryDocument> leased = new HashMap<>();
		this.mongo.find(withoutAttempts(where(DeliveryDocument.ID).in(ids)), DeliveryDocument.class)
			.stream()
			.filter((document) -> token.equals(document.leaseToken()))
			.forEach((document) -> leased.put(document.id(), document));
		List<Claim> claims = new ArrayList<>();
		for (String id : ids) {
			DeliveryDocument document = leased.get(id);
			if (document == null) {
				continue;
			}
			Claim claim = new Claim(document.toDelivery(), token);
			if (document.isDue(now)) {
				claims.add(claim);
			}
			else {
				// Settled since it was found: its token was unset again, so it matched.
				release(claim);
			}
		}
		return claims;
	}

	@Override
	public void release(Claim claim) {
		this.mongo.updateFirst(leased(claim), unlease(new Update()), DeliveryDocument.class);
	}

	/** Written together with the outcomes other threads settle at the same time. */
	@Override
	public boolean settle(Claim claim, Delivery next, Optional<Attempt> attempt) {
		return this.settlements.submit(new Settlement(claim, next, attempt.orElse(null), this.attemptsKept));
	}

	List<Boolean> settleAll(List<Settlement> settlements) {
		BulkOperations bulk = this.mongo.bulkOps(BulkMode.UNORDERED, DeliveryDocument.class);
		settlements.forEach((settlement) -> bulk.updateOne(leased(settlement.claim()), settlement.update()));
		if (bulk.execute().getMatchedCount() == settlements.size()) {
			return Collections.nCopies(settlements.size(), true);
		}
		// Some leases were lost: only the documents settled here carry their claim's
		// token.
		Map<String, Object> settledBy = new HashMap<>();
		this.mongo.getCollection(DeliveryDocument.COLLECTION)
			.find(Filters.in(DeliveryDocument.ID, settlements.stream().map((s) -> s.claim().delivery().id()).toList()))
			.projection(Projections.include(DeliveryDocument.SETTLED_LEASE))
			.forEach((document) -> settledBy.put(document.getString(DeliveryDocument.ID),
					document.get(DeliveryDocument.SETTLED_LEASE)));
		return settlements.stream()
			.map((s) -> s.claim().token().equals(settledBy.get(s.claim().delivery().id())))
			.toList();
	}

	@Override
	public Optional<Delivery> find(String ownerId, String deliveryId) {
		return Optional
			.ofNullable(this.mongo.findOne(withoutAttempts(where(DeliveryDocument.ID).is(deliveryId)),
					DeliveryDocument.class))
			.map(DeliveryDocument::toDelivery)
			.filter((delivery) -> delivery.ownerId().equals(ownerId));
	}

	@Override
	public List<Delivery> findByExecution(String ownerId, String executionId) {
		Query query = withoutAttempts(
				where(DeliveryDocument.EXECUTION_ID).is(executionId).and(DeliveryDocument.OWNER_ID).is(ownerId))
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
		Query query = withoutAttempts(where(DeliveryDocument.STATUS).is(DeliveryStatus.FAILED)
			.and(DeliveryDocument.FAILURE_PUBLISHED)
			.is(false)
			.and(DeliveryDocument.FINISHED_AT)
			.lt(finishedBefore)).limit(limit);
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

	/** The attempt log is read only by the attempt log. */
	private static Query withoutAttempts(Criteria criteria) {
		Query query = Query.query(criteria);
		query.fields().exclude(DeliveryDocument.ATTEMPT_LOG);
		return query;
	}

	private static Query leased(Claim claim) {
		return Query.query(where(DeliveryDocument.ID).is(claim.delivery().id())
			.and(DeliveryDocument.LEASE_TOKEN)
			.is(claim.token()));
	}

	/**
	 * An attempt's outcome, written if the claim's lease still holds.
	 *
	 * @param attempt the attempt made, or {@code null}
	 * @param attemptsKept how many attempts the delivery's log keeps
	 */
	record Settlement(Claim claim, Delivery next, Attempt attempt, int attemptsKept) {

		Update update() {
			Update update = Update.update(DeliveryDocument.STATUS, this.next.status())
				.set(DeliveryDocument.ATTEMPTS, this.next.attempts())
				.set(DeliveryDocument.ROUND_ATTEMPTS, this.next.roundAttempts())
				.set(DeliveryDocument.NEXT_ATTEMPT_AT, this.next.nextAttemptAt())
				.set(DeliveryDocument.LAST_ERROR, this.next.lastError())
				.set(DeliveryDocument.FINISHED_AT, this.next.finishedAt())
				.set(DeliveryDocument.SETTLED_LEASE, this.claim.token());
			if (this.next.status() == DeliveryStatus.FAILED) {
				update.set(DeliveryDocument.FAILURE_EVENT_ID, this.next.failureEventId().toString())
					.set(DeliveryDocument.FAILURE_PUBLISHED, false);
			}
			if (this.attempt != null) {
				AttemptDocument.append(update, this.attempt, this.attemptsKept);
			}
			return unlease(update);
		}

	}

	private static Update unlease(Update update) {
		return update.unset(DeliveryDocument.LEASE_TOKEN).unset(DeliveryDocument.LEASE_UNTIL);
	}

}
