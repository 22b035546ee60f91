package dev.flowgate.delivery.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.flowgate.delivery.domain.delivery.Claim;
import dev.flowgate.delivery.domain.delivery.DeliveryStatus;
import dev.flowgate.delivery.domain.delivery.DeliveryStore.Due;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The leases on deliveries: finding due ones, claiming them ({@code leaseToken},
 * {@code leaseUntil} set atomically) and giving them back. Only the holder of a lease
 * settles its delivery.
 */
final class MongoLeases {

	private final MongoTemplate mongo;

	MongoLeases(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** See {@link dev.flowgate.delivery.domain.delivery.DeliveryStore#findDue}. */
	List<Due> findDue(Instant now, Set<String> busyDestinations, int limit) {
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
	List<Claim> claimAll(List<Due> found, Instant now, Instant leaseUntil) {
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
		this.mongo.find(DeliveryDocument.withoutAttemptLog(where(DeliveryDocument.ID).in(ids)), DeliveryDocument.class)
			.stream()
			.filter((document) -> token.equals(document.leaseToken()))
			.forEach((document) -> leased.put(document.id(), document));
		List<Claim> claims = new ArrayList<>();
		for (String id : ids) {
			DeliveryDocument document = leased.get(id);
			if (document == null) {
				continue;
			}
			Claim claim = new Claim(document.toDelivery(), token, leaseUntil);
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

	void release(Claim claim) {
		this.mongo.updateFirst(leased(claim), unlease(new Update()), DeliveryDocument.class);
	}

	/** Matches the delivery only while the claim's lease holds. */
	static Query leased(Claim claim) {
		return Query.query(where(DeliveryDocument.ID).is(claim.delivery().id())
			.and(DeliveryDocument.LEASE_TOKEN)
			.is(claim.token()));
	}

	/** Ends the lease, whoever holds it. */
	static Update unlease(Update update) {
		return update.unset(DeliveryDocument.LEASE_TOKEN).unset(DeliveryDocument.LEASE_UNTIL);
	}

	private static Criteria unleased(Instant now) {
		return new Criteria().orOperator(where(DeliveryDocument.LEASE_UNTIL).is(null),
				where(DeliveryDocument.LEASE_UNTIL).lt(now));
	}

}
