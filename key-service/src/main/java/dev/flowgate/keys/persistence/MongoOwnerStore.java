package dev.flowgate.keys.persistence;

import dev.flowgate.keys.domain.owner.Owner;
import dev.flowgate.keys.domain.owner.OwnerStore;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import static org.springframework.data.mongodb.core.query.Criteria.where;

@Repository
class MongoOwnerStore implements OwnerStore {

	private final MongoTemplate mongo;

	MongoOwnerStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void insert(Owner owner) {
		this.mongo.insert(OwnerDocument.of(owner));
	}

	@Override
	public boolean exists(String ownerId) {
		return this.mongo.exists(Query.query(where("_id").is(ownerId)), OwnerDocument.class);
	}

	@Override
	public void delete(String ownerId) {
		this.mongo.remove(Query.query(where("_id").is(ownerId)), OwnerDocument.class);
	}

}
