package dev.flowgate.delivery.persistence;

import java.util.List;

import dev.flowgate.delivery.domain.callback.DisabledCallback;
import dev.flowgate.delivery.domain.PageCursor;
import dev.flowgate.delivery.domain.callback.DisabledCallbackPage;
import dev.flowgate.delivery.domain.callback.DisabledCallbacks;
import dev.flowgate.store.OwnedDocuments;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
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
	public DisabledCallbackPage page(String ownerId, PageCursor after, int limit) {
		Criteria owned = where(DisabledCallbackDocument.OWNER_ID).is(ownerId);
		Query query = Query.query((after != null) ? new Criteria().andOperator(owned, olderThan(after)) : owned)
			.with(Sort.by(Sort.Direction.DESC, DisabledCallbackDocument.DISABLED_AT, DisabledCallbackDocument.ID))
			// One past the limit tells there is a next page, without a count.
			.limit(limit + 1);
		List<DisabledCallbackDocument> found = this.mongo.find(query, DisabledCallbackDocument.class);
		List<DisabledCallbackDocument> items = found.subList(0, Math.min(limit, found.size()));
		DisabledCallbackDocument last = (found.size() > limit) ? items.get(items.size() - 1) : null;
		return new DisabledCallbackPage(items.stream().map(DisabledCallbackDocument::toDisabledCallback).toList(),
				(last != null) ? new PageCursor(last.disabledAt(), last.id()) : null);
	}

	@Override
	public void enable(String ownerId, String deploymentId) {
		this.mongo.remove(ofDeployment(ownerId, deploymentId), DisabledCallbackDocument.class);
	}

	@Override
	public int deleteSomeOf(String ownerId, int limit) {
		return OwnedDocuments.remove(this.mongo, DisabledCallbackDocument.COLLECTION,
				where(DisabledCallbackDocument.OWNER_ID).is(ownerId), limit);
	}

	/** What comes after the cursor, newest first. */
	private static Criteria olderThan(PageCursor cursor) {
		return new Criteria().orOperator(where(DisabledCallbackDocument.DISABLED_AT).lt(cursor.at()),
				where(DisabledCallbackDocument.DISABLED_AT).is(cursor.at())
					.and(DisabledCallbackDocument.ID)
					.lt(cursor.id()));
	}

	// By fields, not id: stops stored before they were kept per URL have the URL too.
	private static Query ofDeployment(String ownerId, String deploymentId) {
		return Query.query(where(DisabledCallbackDocument.OWNER_ID).is(ownerId)
			.and(DisabledCallbackDocument.DEPLOYMENT_ID)
			.is(deploymentId));
	}

}
