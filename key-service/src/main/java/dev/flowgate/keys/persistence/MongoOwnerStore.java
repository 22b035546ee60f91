package dev.flowgate.keys.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.flowgate.keys.domain.PageCursor;
import dev.flowgate.keys.domain.owner.Owner;
import dev.flowgate.keys.domain.owner.OwnerDeletion;
import dev.flowgate.keys.domain.owner.OwnerStore;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
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
		return this.mongo.exists(live(ownerId), OwnerDocument.class);
	}

	@Override
	public Optional<Owner> find(String ownerId) {
		return Optional.ofNullable(this.mongo.findOne(live(ownerId), OwnerDocument.class)).map(OwnerDocument::toOwner);
	}

	@Override
	public boolean isDeleted(String ownerId) {
		return this.mongo.exists(byId(ownerId).addCriteria(where(OwnerDocument.DELETED_AT).ne(null)),
				OwnerDocument.class);
	}

	/**
	 * The order is the {@link OwnerIndexes} index's whole, so a page reads only its own
	 * documents (and the one past it).
	 */
	@Override
	public List<Owner> findNewest(PageCursor after, int count) {
		Criteria owners = where(OwnerDocument.DELETED_AT).is(null);
		if (after != null) {
			owners.orOperator(where(OwnerDocument.CREATED_AT).lt(after.createdAt()),
					where(OwnerDocument.CREATED_AT).is(after.createdAt()).and(OwnerDocument.ID).lt(after.id()));
		}
		Query query = Query.query(owners)
			.with(Sort.by(Sort.Order.desc(OwnerDocument.CREATED_AT), Sort.Order.desc(OwnerDocument.ID)))
			.limit(count);
		return this.mongo.find(query, OwnerDocument.class).stream().map(OwnerDocument::toOwner).toList();
	}

	@Override
	public void delete(String ownerId) {
		this.mongo.remove(byId(ownerId), OwnerDocument.class);
	}

	@Override
	public boolean markDeleted(String ownerId, Instant deletedAt) {
		// Only the id stays, to refuse new keys: the name may be personal data.
		Update deleted = Update.update(OwnerDocument.DELETED_AT, deletedAt)
			.set(OwnerDocument.DELETION_PENDING, true)
			.unset(OwnerDocument.NAME);
		return this.mongo.updateFirst(live(ownerId), deleted, OwnerDocument.class).getModifiedCount() > 0;
	}

	@Override
	public List<OwnerDeletion> unannouncedDeletions(int count) {
		Query pending = Query.query(where(OwnerDocument.DELETION_PENDING).is(true)).limit(count);
		return this.mongo.find(pending, OwnerDocument.class)
			.stream()
			.map((owner) -> new OwnerDeletion(owner.id(), owner.deletedAt()))
			.toList();
	}

	@Override
	public void markAnnounced(String ownerId) {
		this.mongo.updateFirst(byId(ownerId), new Update().unset(OwnerDocument.DELETION_PENDING), OwnerDocument.class);
	}

	private static Query live(String ownerId) {
		return byId(ownerId).addCriteria(where(OwnerDocument.DELETED_AT).is(null));
	}

	private static Query byId(String ownerId) {
		return Query.query(where(OwnerDocument.ID).is(ownerId));
	}

}
