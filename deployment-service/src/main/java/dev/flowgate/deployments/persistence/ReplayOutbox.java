package dev.flowgate.deployments.persistence;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

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
 */
@Component
public class ReplayOutbox {

	private final MongoTemplate mongo;

	private final ExecutionMapper mapper;

	ReplayOutbox(MongoTemplate mongo, ExecutionMapper mapper) {
		this.mongo = mongo;
		this.mapper = mapper;
	}

	/** Stores a new replay as awaiting publication, leased to the caller. */
	public void insert(ExecutionRecord replay, Instant leaseUntil) {
		this.mongo.insert(this.mapper.toDocument(replay, 0, true, leaseUntil.truncatedTo(ChronoUnit.MILLIS)));
	}

	/** Claims one replay whose publication is overdue. */
	public Optional<ExecutionRecord> claimOverdue(Instant now, Duration lease) {
		Query overdue = Query.query(where(ExecutionDocument.AWAITING_PUBLICATION).is(true))
			.addCriteria(new Criteria().orOperator(where(ExecutionDocument.LEASE).is(null),
					where(ExecutionDocument.LEASE).lt(now)));
		ExecutionDocument claimed = this.mongo.findAndModify(overdue,
				new Update().set(ExecutionDocument.LEASE, now.plus(lease).truncatedTo(ChronoUnit.MILLIS)),
				FindAndModifyOptions.options().returnNew(true), ExecutionDocument.class);
		return Optional.ofNullable(claimed).map(this.mapper::toDomain);
	}

	/** Kafka acknowledged the trigger. */
	public void markPublished(String executionId) {
		this.mongo.updateFirst(Query.query(where("_id").is(executionId)),
				new Update().set(ExecutionDocument.AWAITING_PUBLICATION, false).unset(ExecutionDocument.LEASE),
				ExecutionDocument.class);
	}

}
