package dev.flowgate.keys.domain.owner;

import dev.flowgate.keys.domain.key.IssuedKey;

/** A new owner with its first key. */
public record RegisteredOwner(Owner owner, IssuedKey key) {

}
