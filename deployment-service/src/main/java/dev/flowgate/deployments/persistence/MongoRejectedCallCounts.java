package dev.flowgate.deployments.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import dev.flowgate.contracts.TriggersRejected;
import dev.flowgate.deployments.domain.usage.RejectedCallCounts;
import dev.flowgate.store.OwnedDocuments;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * One document per gateway summary, its id the event id, so a redelivered summary is a
 * duplicate key and counts once.
 */
@Repository
class MongoRejectedCallCounts implements RejectedCallCounts {

	static final String COLLECTION = "rejected_calls";

	static final String DEPLOYMENT = "deploymentId";

	static final String TO = "to";

	static final String OWNER = "ownerId";

	private static final String COUNTS = "counts";

	private final MongoTemplate mongo;

	MongoRejectedCallCounts(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void add(TriggersRejected summary) {
		Document document = new Document("_id", summary.eventId().toString()).append(OWNER, summary.ownerId())
			.append(DEPLOYMENT, summary.deploymentId())
			.append(TO, Date.from(summary.to()))
			.append(COUNTS, new Document(summary.counts()));
		try {
			this.mongo.insert(document, COLLECTION);
		}
		catch (DuplicateKeyException ex) {
			// Delivered before: already counted.
		}
	}

	@Override
	public void forEachSince(String ownerId, Collection<String> deploymentIds, Instant from, Consumer<Refused> each) {
		Query query = Query
			.query(where(DEPLOYMENT).in(deploymentIds).and(OWNER).is(ownerId).and(TO).gte(Date.from(from)));
		query.fields().include(DEPLOYMENT, TO, COUNTS);
		for (Document summary : this.mongo.find(query, Document.class, COLLECTION)) {
			Map<String, Long> counts = new LinkedHashMap<>();
			summary.get(COUNTS, Document.class)
				.forEach((reason, count) -> counts.put(reason, ((Number) count).longValue()));
			each.accept(new Refused(summary.getString(DEPLOYMENT), summary.get(TO, Date.class).toInstant(), counts));
		}
	}

	@Override
	public long deleteBefore(Instant instant) {
		return this.mongo.remove(Query.query(where(TO).lt(Date.from(instant))), COLLECTION).getDeletedCount();
	}

	@Override
	public int deleteOwned(String ownerId, int limit) {
		return OwnedDocuments.remove(this.mongo, COLLECTION, where(OWNER).is(ownerId), limit);
	}

}
