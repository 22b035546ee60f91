package dev.flowgate.delivery.persistence;

import java.util.Collection;
import java.util.List;

import dev.flowgate.delivery.domain.delivery.Attempt;
import dev.flowgate.delivery.domain.delivery.AttemptLog;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The attempt log, a collection of its own. */
@Repository
class MongoAttemptLog implements AttemptLog {

	private final MongoTemplate mongo;

	MongoAttemptLog(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void record(Attempt attempt) {
		this.mongo.save(AttemptDocument.of(attempt));
	}

	@Override
	public List<Attempt> forDeliveries(Collection<String> deliveryIds) {
		Query query = Query.query(where(AttemptDocument.DELIVERY_ID).in(deliveryIds))
			.with(Sort.by(AttemptDocument.DELIVERY_ID, AttemptDocument.NUMBER));
		return this.mongo.find(query, AttemptDocument.class).stream().map(AttemptDocument::toAttempt).toList();
	}

}
