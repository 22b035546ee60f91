package dev.flowgate.delivery.persistence;

import java.util.List;

import dev.flowgate.delivery.domain.callback.DisabledCallback;
import dev.flowgate.delivery.domain.callback.DisabledCallbacks;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Disabled callbacks, one per owner, deployment and callback URL. */
@Repository
class MongoDisabledCallbacks implements DisabledCallbacks {

	private final MongoTemplate mongo;

	MongoDisabledCallbacks(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public boolean isDisabled(String ownerId, String deploymentId, String callbackUrl) {
		return this.mongo.exists(ofDeployment(ownerId, deploymentId)
			.addCriteria(where(DisabledCallbackDocument.CALLBACK_URL).is(callbackUrl)), DisabledCallbackDocument.class);
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
		return this.mongo.remove(ofDeployment(ownerId, deploymentId), DisabledCallbackDocument.class)
			.getDeletedCount() > 0;
	}

	// By fields, not id: stops stored before they were kept per URL have the URL too.
	private static Query ofDeployment(String ownerId, String deploymentId) {
		return Query.query(where(DisabledCallbackDocument.OWNER_ID).is(ownerId)
			.and(DisabledCallbackDocument.DEPLOYMENT_ID)
			.is(deploymentId));
	}

}
