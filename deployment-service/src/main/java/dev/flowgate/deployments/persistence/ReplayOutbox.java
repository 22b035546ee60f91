package dev.flowgate.deployments.persistence;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.bson.Document;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import dev.flowgate.deployments.domain.execution.ExecutionRecord;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Replay triggers stored in their execution record ({@code awaitingPublication}) until
 * Kafka acknowledges them. The saver holds a lease while it sends; once a lease expires
 * (the saver crashed or Kafka was down) the republisher claims the record.
 * <p>
 * The republisher finds candidates through markers in a small collection of their own,
 * written before the record and removed after it is published: searching the executions
 * themselves would read every execution each round wherever no partial index exists (the
 * embedded MongoDB server). The record stays the truth; a marker only says where to look.
 */
@Component
public class ReplayOutbox {

	static final String MARKERS = "replay_outbox";

	private static final String DUE = "due";

	private static final int MARKERS_PER_ROUND = 100;

	private final MongoTemplate mongo;

	private final ExecutionMapper mapper;

	ReplayOutbox(MongoTemplate mongo, ExecutionMapper mapper) {
		this.mongo = mongo;
		this.mapper = mapper;
	}

	/** Stores a new replay as awaiting publication, leased to the caller. */
	public void insert(ExecutionRecord replay, Instant leaseUntil) {
		Instant until = leaseUntil.truncatedTo(ChronoUnit.MILLIS);
		this.mongo.insert(new Document("_id", replay.id()).append(DUE, until), MARKERS);
		this.mongo.insert(this.mapper.toDocument(replay, 0, true, until));
	}

	/** Claims one replay whose publication is overdue. */
	public Optional<ExecutionRecord> claimOverdue(Instant now, Duration lease) {
		Instant until = now.plus(lease).truncatedTo(ChronoUnit.MILLIS);
		Query due = Query.query(where(DUE).lt(now)).limit(MARKERS_PER_ROUND);
		for (Document marker : this.mongo.find(due, Document.class, MARKERS)) {
			String executionId = marker.getString("_id");
			Optional<ExecutionRecord> claimed = claim(executionId, now, until);
			if (claimed.isPresent()) {
				this.mongo.updateFirst(Query.query(where("_id").is(executionId)), Update.update(DUE, until), MARKERS);
				return claimed;
			}
			if (hasResult(executionId)) {
				// Its trigger landed and ran, though no send was acknowledged.
				markPublished(executionId);
			}
			else if (!awaitsPublication(executionId)) {
				// Published, or never saved: the saver's lease ran out long ago.
				forget(executionId);
			}
		}
		return Optional.empty();
	}

	/**
	 * Gives the claim up after a send Kafka refused: the republisher tries again from
	 * {@code until}, not only once the lease has run out.
	 */
	public void putOff(String executionId, Instant until) {
		Instant at = until.truncatedTo(ChronoUnit.MILLIS);
		this.mongo.updateFirst(
				Query.query(where("_id").is(executionId).and(ExecutionDocument.AWAITING_PUBLICATION).is(true)),
				Update.update(ExecutionDocument.LEASE, at), ExecutionDocument.class);
		this.mongo.updateFirst(Query.query(where("_id").is(executionId)), Update.update(DUE, at), MARKERS);
	}

	/** Kafka acknowledged the trigger. */
	public void markPublished(String executionId) {
		this.mongo.updateFirst(Query.query(where("_id").is(executionId)),
				new Update().set(ExecutionDocument.AWAITING_PUBLICATION, false).unset(ExecutionDocument.LEASE),
				ExecutionDocument.class);
		forget(executionId);
	}

	private Optional<ExecutionRecord> claim(String executionId, Instant now, Instant until) {
		Query overdue = Query.query(where("_id").is(executionId).and(ExecutionDocument.AWAITING_PUBLICATION).is(true))
			.addCriteria(where(ExecutionDocument.COMPLETED).ne(true))
			.addCriteria(new Criteria().orOperator(where(ExecutionDocument.LEASE).is(null),
					where(ExecutionDocument.LEASE).lt(now)));
		ExecutionDocument claimed = this.mongo.findAndModify(overdue, new Update().set(ExecutionDocument.LEASE, until),
				FindAndModifyOptions.options().returnNew(true), ExecutionDocument.class);
		return Optional.ofNullable(claimed).map(this.mapper::toDomain);
	}

	private boolean hasResult(String executionId) {
		return this.mongo.exists(Query.query(where("_id").is(executionId)
			.and(ExecutionDocument.AWAITING_PUBLICATION)
			.is(true)
			.and(ExecutionDocument.COMPLETED)
			.is(true)), ExecutionDocument.class);
	}

	/** Whether the execution is a replay whose trigger Kafka has not acknowledged yet. */
	public boolean awaitsPublication(String executionId) {
		return this.mongo.exists(
				Query.query(where("_id").is(executionId).and(ExecutionDocument.AWAITING_PUBLICATION).is(true)),
				ExecutionDocument.class);
	}

	private void forget(String executionId) {
		this.mongo.remove(Query.query(where("_id").is(executionId)), MARKERS);
	}

}
