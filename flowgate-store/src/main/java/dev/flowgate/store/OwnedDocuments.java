package dev.flowgate.store;

import java.util.List;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Removes a deleted owner's documents a bounded batch at a time: the ids of up to a batch
 * (from an index on the owner), then those documents by id.
 */
public final class OwnedDocuments {

	private static final String ID = "_id";

	private OwnedDocuments() {
	}

	/** Removes up to {@code limit} of the documents {@code owned} selects; how many. */
	public static int remove(MongoTemplate mongo, String collection, Criteria owned, int limit) {
		List<Object> ids = ids(mongo, collection, owned, limit);
		removeIds(mongo, collection, ids);
		return ids.size();
	}

	/** The ids of up to {@code limit} of the documents {@code owned} selects. */
	public static List<Object> ids(MongoTemplate mongo, String collection, Criteria owned, int limit) {
		Query query = Query.query(owned).limit(limit);
		query.fields().include(ID);
		return mongo.find(query, Document.class, collection).stream().map((document) -> document.get(ID)).toList();
	}

	public static void removeIds(MongoTemplate mongo, String collection, List<?> ids) {
		if (!ids.isEmpty()) {
			mongo.remove(Query.query(where(ID).in(ids)), collection);
		}
	}

}
