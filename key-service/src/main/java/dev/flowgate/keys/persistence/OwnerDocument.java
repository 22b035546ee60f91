package dev.flowgate.keys.persistence;

import java.time.Instant;

import dev.flowgate.keys.domain.owner.Owner;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document(OwnerDocument.COLLECTION)
record OwnerDocument(@Id String id, String name, Instant createdAt) {

	static final String COLLECTION = "owners";

	static final String ID = "_id";

	static final String CREATED_AT = "createdAt";

	static OwnerDocument of(Owner owner) {
		return new OwnerDocument(owner.id(), owner.name(), owner.createdAt());
	}

	Owner toOwner() {
		return new Owner(this.id, this.name, this.createdAt);
	}

}
