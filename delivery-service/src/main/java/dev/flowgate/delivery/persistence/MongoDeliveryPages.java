package dev.flowgate.delivery.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import dev.flowgate.delivery.domain.delivery.Delivery;
import dev.flowgate.delivery.domain.PageCursor;
import dev.flowgate.delivery.domain.delivery.DeliveryPages;
import dev.flowgate.delivery.domain.delivery.DeliveryStatus;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Pages of an owner's deliveries, served by the owner indexes of {@link DeliveryIndexes}.
 */
@Component
class MongoDeliveryPages implements DeliveryPages {

	private final MongoTemplate mongo;

	MongoDeliveryPages(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public List<Delivery> page(String ownerId, DeliveryStatus status, PageCursor after, int limit) {
		List<Criteria> criteria = new ArrayList<>(List.of(where(DeliveryDocument.OWNER_ID).is(ownerId)));
		if (status != null) {
			criteria.add(where(DeliveryDocument.STATUS).is(status));
		}
		if (after != null) {
			criteria.add(new Criteria().orOperator(where(DeliveryDocument.CREATED_AT).lt(after.at()),
					where(DeliveryDocument.CREATED_AT).is(after.at()).and(DeliveryDocument.ID).lt(after.id())));
		}
		Query query = DeliveryDocument.withoutAttemptLog(new Criteria().andOperator(criteria))
			.with(Sort.by(Sort.Direction.DESC, DeliveryDocument.CREATED_AT, DeliveryDocument.ID))
			.limit(limit);
		return this.mongo.find(query, DeliveryDocument.class).stream().map(DeliveryDocument::toDelivery).toList();
	}

	@Override
	public List<Delivery> failedSince(String ownerId, Instant since, PageCursor after, int limit) {
		List<Criteria> criteria = new ArrayList<>(List.of(where(DeliveryDocument.OWNER_ID).is(ownerId),
				where(DeliveryDocument.STATUS).is(DeliveryStatus.FAILED),
				// Not kept (over the payload limit): nothing to send.
				where(DeliveryDocument.BODY).ne("")));
		if (since != null) {
			criteria.add(where(DeliveryDocument.CREATED_AT).gte(since));
		}
		if (after != null) {
			criteria.add(new Criteria().orOperator(where(DeliveryDocument.CREATED_AT).gt(after.at()),
					where(DeliveryDocument.CREATED_AT).is(after.at()).and(DeliveryDocument.ID).gt(after.id())));
		}
		Query query = DeliveryDocument.withoutAttemptLog(new Criteria().andOperator(criteria))
			.with(Sort.by(Sort.Direction.ASC, DeliveryDocument.CREATED_AT, DeliveryDocument.ID))
			.limit(limit);
		return this.mongo.find(query, DeliveryDocument.class).stream().map(DeliveryDocument::toDelivery).toList();
	}

}
