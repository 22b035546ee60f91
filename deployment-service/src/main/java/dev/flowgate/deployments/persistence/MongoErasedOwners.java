package dev.flowgate.deployments.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import dev.flowgate.deployments.domain.execution.ErasedOwners;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** One document per erased owner, its id the owner's, with when it was first erased. */
@Repository
class MongoErasedOwners implements ErasedOwners {

	static final String COLLECTION = "erased_owners";

	private static final String ID = "_id";

	private static final String ERASED_AT = "erasedAt";

	private final MongoTemplate mongo;

	MongoErasedOwners(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void remember(String ownerId, Instant erasedAt) {
		this.mongo.upsert(Query.query(where(ID).is(ownerId)), new Update().setOnInsert(ERASED_AT, Date.from(erasedAt)),
				COLLECTION);
	}

	@Override
	public Set<String> among(Collection<String> ownerIds) {
		Query query = Query.query(where(ID).in(ownerIds));
		query.fields().include(ID);
		return this.mongo.find(query, Document.class, COLLECTION)
			.stream()
			.map((document) -> document.getString(ID))
			.collect(Collectors.toSet());
	}

}
