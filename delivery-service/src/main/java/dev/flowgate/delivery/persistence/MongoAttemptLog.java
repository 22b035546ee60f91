package dev.flowgate.delivery.persistence;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.flowgate.delivery.config.DeliveryProperties;
import dev.flowgate.delivery.domain.delivery.Attempt;
import dev.flowgate.delivery.domain.delivery.AttemptLog;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The attempt log, kept in the deliveries' documents. */
@Repository
class MongoAttemptLog implements AttemptLog {

	private final MongoTemplate mongo;

	private final int kept;

	MongoAttemptLog(MongoTemplate mongo, DeliveryProperties properties) {
		this.mongo = mongo;
		this.kept = properties.retention().attemptsPerDelivery();
	}

	@Override
	public void record(Attempt attempt) {
		this.mongo.updateFirst(Query.query(where(DeliveryDocument.ID).is(attempt.deliveryId())),
				AttemptDocument.append(new Update(), attempt, this.kept), DeliveryDocument.class);
	}

	@Override
	public List<Attempt> forDeliveries(Collection<String> deliveryIds) {
		return this.mongo.query(DeliveryDocument.class)
			.as(LoggedAttempts.class)
			.matching(Query.query(where(DeliveryDocument.ID).in(deliveryIds)))
			.all()
			.stream()
			.flatMap(LoggedAttempts::attempts)
			.toList();
	}

	/** Reads the last entry of each log alone, not the whole logs. */
	@Override
	public List<Attempt> lastOf(Collection<String> deliveryIds) {
		// Those never attempted have no log to slice.
		Query query = Query
			.query(where(DeliveryDocument.ID).in(deliveryIds).and(DeliveryDocument.ATTEMPT_LOG).exists(true));
		query.fields().include(DeliveryDocument.ID).slice(DeliveryDocument.ATTEMPT_LOG, -1);
		return this.mongo.find(query, LoggedAttempts.class, DeliveryDocument.COLLECTION)
			.stream()
			.flatMap(LoggedAttempts::attempts)
			.toList();
	}

	/** A delivery's attempt log alone. */
	record LoggedAttempts(@Id String id, List<AttemptDocument> attemptLog) {

		Stream<Attempt> attempts() {
			if (this.attemptLog == null) {
				return Stream.empty();
			}
			return this.attemptLog.stream()
				.sorted(Comparator.comparingInt(AttemptDocument::number))
				.map((attempt) -> attempt.toAttempt(this.id));
		}

	}

}
