package dev.flowgate.delivery.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import dev.flowgate.delivery.domain.owner.ErasedOwnerStore;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Erased owners, one document each, found by {@code _id}. */
@Repository
class MongoErasedOwnerStore implements ErasedOwnerStore {

	private final MongoTemplate mongo;

	MongoErasedOwnerStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void add(String ownerId, Instant erasedAt) {
		try {
			this.mongo.upsert(byId(ownerId), new Update().setOnInsert(ErasedOwnerDocument.ERASED_AT, erasedAt),
					ErasedOwnerDocument.class);
		}
		catch (DuplicateKeyException ex) {
			// Two upserts at once: the other one inserted it.
		}
	}

	@Override
	public boolean contains(String ownerId) {
		return this.mongo.exists(byId(ownerId), ErasedOwnerDocument.class);
	}

	@Override
	public Set<String> containedIn(Collection<String> ownerIds) {
		return this.mongo.find(Query.query(where(ErasedOwnerDocument.ID).in(ownerIds)), ErasedOwnerDocument.class)
			.stream()
			.map(ErasedOwnerDocument::ownerId)
			.collect(Collectors.toSet());
	}

	private static Query byId(String ownerId) {
		return Query.query(where(ErasedOwnerDocument.ID).is(ownerId));
	}

}
