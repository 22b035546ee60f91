package dev.flowgate.delivery.persistence;

import java.util.List;

import dev.flowgate.delivery.domain.callback.DisabledCallback;
import dev.flowgate.delivery.domain.callback.DisabledCallbacks;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Disabled callbacks, keyed by owner and deployment. */
@Repository
class MongoDisabledCallbacks implements DisabledCallbacks {

	private static final String ID = "_id";

	private final MongoTemplate mongo;

	MongoDisabledCallbacks(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public boolean isDisabled(String ownerId, String deploymentId) {
		return this.mongo.exists(byId(ownerId, deploymentId), DisabledCallbackDocument.class);
	}

	@Override
	public void disable(DisabledCallback disabled) {
		this.mongo.save(DisabledCallbackDocument.of(disabled));
	}

	@Override
	public List<DisabledCallback> list(String ownerId) {
		Query query = Query.query(where(DisabledCallbackDocument.OWNER_ID).is(ownerId))
			.with(Sort.by(DisabledCallbackDocument.DISABLED_AT));
		return this.mongo.find(query, DisabledCallbackDocument.class)
			.stream()
			.map(DisabledCallbackDocument::toDisabledCallback)
			.toList();
	}

	@Override
	public boolean enable(String ownerId, String deploymentId) {
		return this.mongo.remove(byId(ownerId, deploymentId), DisabledCallbackDocument.class).getDeletedCount() > 0;
	}

	private static Query byId(String ownerId, String deploymentId) {
		return Query.query(where(ID).is(DisabledCallbackDocument.idOf(ownerId, deploymentId)));
	}

}
