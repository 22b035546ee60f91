package dev.flowgate.delivery.persistence;

import java.time.Instant;
import java.util.UUID;

import dev.flowgate.contracts.DeliveryChannel;
import dev.flowgate.delivery.domain.delivery.Delivery;
import dev.flowgate.delivery.domain.delivery.DeliveryStatus;
import dev.flowgate.delivery.domain.delivery.Lease;
import dev.flowgate.delivery.domain.delivery.Message;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A delivery with its schedule and lease: the poller claims due ones by setting
 * {@code leaseToken}/{@code leaseUntil} atomically, and only the lease holder settles the
 * attempt. {@code messageSize} (the message's bytes, {@code null} in documents stored
 * before it) lets the poller claim no more than the dispatcher has room for.
 * {@code roundStartedAt} is {@code null} in documents stored before rounds were timed:
 * their round began at {@code createdAt}.
 */
@Document(DeliveryDocument.COLLECTION)
record DeliveryDocument(@Id String id, String executionId, String ownerId, String deploymentId, DeliveryChannel channel,
		String destination, String destinationKey, String subject, String body, String html, DeliveryStatus status,
		int attempts, int roundAttempts, Instant nextAttemptAt, String lastError, Instant createdAt,
		Instant roundStartedAt, Instant finishedAt, String failureEventId, boolean failurePublished, String leaseToken,
		Instant leaseUntil, Long messageSize) {

	static final String COLLECTION = "deliveries";

	static final String ID = "_id";

	static final String EXECUTION_ID = "executionId";

	static final String OWNER_ID = "ownerId";

	static final String DESTINATION_KEY = "destinationKey";

	static final String STATUS = "status";

	/** Empty in a delivery whose message was not kept (over the payload limit). */
	static final String BODY = "body";

	static final String ATTEMPTS = "attempts";

	static final String ROUND_ATTEMPTS = "roundAttempts";

	static final String NEXT_ATTEMPT_AT = "nextAttemptAt";

	static final String LAST_ERROR = "lastError";

	static final String CREATED_AT = "createdAt";

	static final String ROUND_STARTED_AT = "roundStartedAt";

	static final String FINISHED_AT = "finishedAt";

	static final String FAILURE_EVENT_ID = "failureEventId";

	static final String FAILURE_PUBLISHED = "failurePublished";

	static final String LEASE_TOKEN = "leaseToken";

	static final String LEASE_UNTIL = "leaseUntil";

	/**
	 * The delivery's attempts ({@link AttemptDocument}), not mapped here: only the
	 * attempt log reads them.
	 */
	static final String ATTEMPT_LOG = "attemptLog";

	/**
	 * The token of the lease that last settled it: tells a batch of settlements which of
	 * them held their lease.
	 */
	static final String SETTLED_LEASE = "settledLease";

	static DeliveryDocument of(Delivery delivery, Lease lease) {
		Message message = delivery.message();
		return new DeliveryDocument(delivery.id(), delivery.executionId(), delivery.ownerId(), delivery.deploymentId(),
				delivery.channel(), delivery.destination(), delivery.destinationKey(), message.subject(),
				message.body(), message.html(), delivery.status(), delivery.attempts(), delivery.roundAttempts(),
				delivery.nextAttemptAt(), delivery.lastError(), delivery.createdAt(), delivery.roundStartedAt(),
				delivery.finishedAt(),
				(delivery.failureEventId() != null) ? delivery.failureEventId().toString() : null, false,
				(lease != null) ? lease.token() : null, (lease != null) ? lease.until() : null, message.size());
	}

	/**
	 * A query for deliveries that leaves their attempt log out: only the log reads it.
	 */
	static Query withoutAttemptLog(Criteria criteria) {
		Query query = Query.query(criteria);
		query.fields().exclude(ATTEMPT_LOG);
		return query;
	}

	/** Pending and due: what a claim may attempt. */
	boolean isDue(Instant now) {
		return this.status == DeliveryStatus.PENDING && this.nextAttemptAt != null && !this.nextAttemptAt.isAfter(now);
	}

	Delivery toDelivery() {
		return new Delivery(this.id, this.executionId, this.ownerId, this.deploymentId, this.channel, this.destination,
				this.destinationKey, new Message(this.subject, this.body, this.html), this.status, this.attempts,
				this.roundAttempts, this.nextAttemptAt, this.lastError, this.createdAt, this.roundStartedAt,
				this.finishedAt, (this.failureEventId != null) ? UUID.fromString(this.failureEventId) : null);
	}

}
