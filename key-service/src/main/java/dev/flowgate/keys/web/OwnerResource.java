package dev.flowgate.keys.web;

import java.time.Instant;

import dev.flowgate.keys.domain.owner.Owner;

record OwnerResource(String id, String name, Instant createdAt) {

	static OwnerResource of(Owner owner) {
		return new OwnerResource(owner.id(), owner.name(), owner.createdAt());
	}

}
