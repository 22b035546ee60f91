package dev.flowgate.keys.persistence;

import java.time.Instant;

import dev.flowgate.keys.domain.owner.Owner;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document(OwnerDocument.COLLECTION)
/**
 * @param deletedAt when the platform admin deleted the owner, or {@code null}
 * @param deletionPending {@code true} while the deletion is not announced, else absent (a
 * sparse index holds only those)
 */
record OwnerDocument(@Id String id, String name, Instant createdAt, Instant deletedAt, Boolean deletionPending) {

	static final String COLLECTION = "owners";

	static final String ID = "_id";

	static final String NAME = "name";

	static final String CREATED_AT = "createdAt";

	static final String DELETED_AT = "deletedAt";

	static final String DELETION_PENDING = "deletionPending";

	static OwnerDocument of(Owner owner) {
		return new OwnerDocument(owner.id(), owner.name(), owner.createdAt(), null, null);
	}

	Owner toOwner() {
		return new Owner(this.id, this.name, this.createdAt);
	}

}
