package dev.flowgate.delivery.persistence;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** A document's id alone: what a batch of deletions reads first. */
record FoundId(@Id String id) {

	private static final String ID = "_id";

	private static final String OWNER_ID = "ownerId";

	/**
	 * Deletes up to {@code limit} of the owner's documents of the type: their ids first,
	 * through the owner's index, then those documents.
	 * @return how many it found; the owner has none left once it finds none
	 */
	static int deleteSomeOwned(MongoTemplate mongo, Class<?> type, String ownerId, int limit) {
		Query owned = Query.query(where(OWNER_ID).is(ownerId)).limit(limit);
		List<String> ids = mongo.query(type).as(FoundId.class).matching(owned).all().stream().map(FoundId::id).toList();
		if (!ids.isEmpty()) {
			mongo.remove(Query.query(where(ID).in(ids)), type);
		}
		return ids.size();
	}

}
