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
import dev.flowgate.store.OwnedDocuments;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Deliveries in MongoDB, each with its attempt log; each change is one single-document
 * atomic write. The writes of an attempt filter by {@code _id} and lease token; leases
 * are taken and given back by {@link MongoLeases}.
 */
@Repository
class MongoDeliveryStore implements DeliveryStore {

	private final MongoTemplate mongo;

	private final GroupCommit<List<DeliveryDocument>, Set<String>> inserts = new GroupCommit<>(this::insertEach);

	private final GroupCommit<Settlement, Boolean> settlements = new GroupCommit<>(this::settleAll);

	private final MongoLeases leases;

	private final int attemptsKept;

	MongoDeliveryStore(MongoTemplate mongo, DeliveryProperties properties) {
		this.mongo = mongo;
		this.leases = new MongoLeases(mongo);
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
		return this.leases.findDue(now, busyDestinations, limit);
	}

	@Override
	public List<Claim> claimAll(List<Due> found, Instant now, Instant leaseUntil) {
		return this.leases.claimAll(found, now, leaseUntil);
	}

	@Override
	public void release(Claim claim) {
		this.leases.release(claim);
	}

	/** Written together with the outcomes other threads settle at the same time. */
	@Override
	public boolean settle(Claim claim, Delivery next, Optional<Attempt> attempt) {
		return this.settlements.submit(new Settlement(claim, next, attempt.orElse(null)));
	}

	List<Boolean> settleAll(List<Settlement> settlements) {
		BulkOperations bulk = this.mongo.bulkOps(BulkMode.UNORDERED, DeliveryDocument.class);
		settlements.forEach((settlement) -> bulk.updateOne(MongoLeases.leased(settlement.claim()),
				settlement.update(this.attemptsKept)));
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
			.ofNullable(
					this.mongo.findOne(DeliveryDocument.withoutAttemptLog(where(DeliveryDocument.ID).is(deliveryId)),
							DeliveryDocument.class))
			.map(DeliveryDocument::toDelivery)
			.filter((delivery) -> delivery.ownerId().equals(ownerId));
	}

	@Override
	public List<Delivery> findByExecution(String ownerId, String executionId) {
		Query query = DeliveryDocument
			.withoutAttemptLog(
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
			.set(DeliveryDocument.ROUND_STARTED_AT, replayed.roundStartedAt())
			.set(DeliveryDocument.FINISHED_AT, null);
		return this.mongo.updateFirst(query, MongoLeases.unlease(update), DeliveryDocument.class)
			.getMatchedCount() == 1;
	}

	@Override
	public List<Delivery> unpublishedFailures(Instant finishedBefore, int limit) {
		Query query = DeliveryDocument
			.withoutAttemptLog(where(DeliveryDocument.STATUS).is(DeliveryStatus.FAILED)
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

	/** The documents carry the attempt logs: they go with them. */
	@Override
	public int deleteSomeOf(String ownerId, int limit) {
		return OwnedDocuments.remove(this.mongo, DeliveryDocument.COLLECTION,
				where(DeliveryDocument.OWNER_ID).is(ownerId), limit);
	}

	@Override
	public void discard(Claim claim) {
		this.mongo.remove(MongoLeases.leased(claim), DeliveryDocument.class);
	}

	/**
	 * An attempt's outcome, written if the claim's lease still holds.
	 *
	 * @param attempt the attempt made, or {@code null}
	 */
	record Settlement(Claim claim, Delivery next, Attempt attempt) {

		/**
		 * The write, appending the attempt to a log that keeps {@code attemptsKept}.
		 */
		Update update(int attemptsKept) {
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
				AttemptDocument.append(update, this.attempt, attemptsKept);
			}
			return MongoLeases.unlease(update);
		}

	}

}
