package dev.flowgate.delivery.persistence;

import java.time.Instant;
import java.util.List;

import dev.flowgate.delivery.domain.delivery.DeliveryRetention;
import dev.flowgate.delivery.domain.delivery.DeliveryStatus;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Deletes past deliveries, their attempts with them. A sweep rather than TTL indexes: a
 * TTL index cannot spare pending deliveries, and not every MongoDB honours one.
 */
@Component
class MongoDeliveryRetention implements DeliveryRetention.Records {

	private final MongoTemplate mongo;

	MongoDeliveryRetention(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public long deleteFinishedBefore(Instant cutoff) {
		Criteria settled = new Criteria().orOperator(
				where(DeliveryDocument.STATUS).in(List.of(DeliveryStatus.SUCCEEDED, DeliveryStatus.SKIPPED)),
				where(DeliveryDocument.STATUS).is(DeliveryStatus.FAILED)
					.and(DeliveryDocument.FAILURE_PUBLISHED)
					.is(true));
		Query query = Query.query(new Criteria().andOperator(where(DeliveryDocument.FINISHED_AT).lt(cutoff), settled));
		return this.mongo.remove(query, DeliveryDocument.class).getDeletedCount();
	}

}
