package dev.flowgate.deployments.persistence;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import dev.flowgate.contracts.ExecutionCancellationRequested;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Cancel requests stored as markers (one per execution, its id the execution's) until
 * Kafka acknowledges them. A marker is written before the execution records the request,
 * so a crash in between leaves a marker to send rather than a request never sent. The
 * saver holds a lease while it sends; once it expires the republisher claims the marker.
 */
@Component
public class CancellationOutbox {

	static final String MARKERS = "cancellation_outbox";

	private static final String DUE = "due";

	private static final String EVENT_ID = "eventId";

	private static final String OWNER = "ownerId";

	private static final String DEPLOYMENT = "deploymentId";

	private static final String REQUESTED_AT = "requestedAt";

	private final MongoTemplate mongo;

	CancellationOutbox(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Stores the request, leased to the caller.
	 * @return {@code false} when a request for the execution is stored already
	 */
	public boolean insert(ExecutionCancellationRequested request, Instant leaseUntil) {
		Document marker = new Document("_id", request.executionId())
			.append(DUE, leaseUntil.truncatedTo(ChronoUnit.MILLIS))
			.append(EVENT_ID, request.eventId().toString())
			.append(OWNER, request.ownerId())
			.append(DEPLOYMENT, request.deploymentId())
			.append(REQUESTED_AT, request.occurredAt());
		try {
			this.mongo.insert(marker, MARKERS);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * Records the request on its execution unless an earlier one is recorded there.
	 * @return when the request that stands was made ({@code requestedAt} also when the
	 * execution is gone)
	 */
	public Instant recordRequested(String executionId, Instant requestedAt) {
		Query unrequested = Query
			.query(where("_id").is(executionId).and(ExecutionDocument.CANCEL_REQUESTED_AT).is(null));
		if (this.mongo
			.updateFirst(unrequested, Update.update(ExecutionDocument.CANCEL_REQUESTED_AT, requestedAt),
					ExecutionDocument.COLLECTION)
			.getModifiedCount() == 1) {
			return requestedAt;
		}
		return recorded(executionId).orElse(requestedAt);
	}

	/** When the request that stands was made, recorded or still on its way. */
	public Optional<Instant> requestedAt(String executionId) {
		return recorded(executionId)
			.or(() -> Optional.ofNullable(this.mongo.findById(executionId, Document.class, MARKERS))
				.map((marker) -> marker.get(REQUESTED_AT, Date.class).toInstant()));
	}

	/** Claims one request whose publication is overdue. */
	public Optional<ExecutionCancellationRequested> claimOverdue(Instant now, Duration lease) {
		Update leased = Update.update(DUE, now.plus(lease).truncatedTo(ChronoUnit.MILLIS));
		Document claimed = this.mongo.findAndModify(Query.query(where(DUE).lt(now)), leased,
				FindAndModifyOptions.options().returnNew(true), Document.class, MARKERS);
		return Optional.ofNullable(claimed).map(CancellationOutbox::toEvent);
	}

	/**
	 * Gives the claim up until then, after a send Kafka refused or while the replay it
	 * cancels is not published: the republisher tries again from {@code until}.
	 */
	public void putOff(String executionId, Instant until) {
		this.mongo.updateFirst(Query.query(where("_id").is(executionId)),
				Update.update(DUE, until.truncatedTo(ChronoUnit.MILLIS)), MARKERS);
	}

	/** Kafka acknowledged the request, or an earlier one stands: nothing left to send. */
	public void remove(String executionId) {
		this.mongo.remove(Query.query(where("_id").is(executionId)), MARKERS);
	}

	private Optional<Instant> recorded(String executionId) {
		Query query = Query.query(where("_id").is(executionId));
		query.fields().include(ExecutionDocument.CANCEL_REQUESTED_AT);
		return Optional.ofNullable(this.mongo.findOne(query, Document.class, ExecutionDocument.COLLECTION))
			.map((execution) -> execution.get(ExecutionDocument.CANCEL_REQUESTED_AT, Date.class))
			.map(Date::toInstant);
	}

	private static ExecutionCancellationRequested toEvent(Document marker) {
		return new ExecutionCancellationRequested(UUID.fromString(marker.getString(EVENT_ID)),
				ExecutionCancellationRequested.SCHEMA_VERSION, marker.get(REQUESTED_AT, Date.class).toInstant(),
				marker.getString("_id"), marker.getString(OWNER), marker.getString(DEPLOYMENT));
	}

}
