package dev.flowgate.keys.persistence;

import java.time.Instant;

import dev.flowgate.keys.domain.owner.Owner;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("owners")
record OwnerDocument(@Id String id, String name, Instant createdAt) {

	static OwnerDocument of(Owner owner) {
		return new OwnerDocument(owner.id(), owner.name(), owner.createdAt());
	}

}
