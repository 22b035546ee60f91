package dev.flowgate.keys.domain.owner;

import java.time.Instant;

/** An owner the platform admin deleted, not yet announced to the other services. */
public record OwnerDeletion(String ownerId, Instant deletedAt) {

}
