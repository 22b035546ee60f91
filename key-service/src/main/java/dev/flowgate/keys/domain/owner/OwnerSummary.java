package dev.flowgate.keys.domain.owner;

/**
 * An owner as the platform admin looks it up.
 *
 * @param activeKeys how many of its keys work now: active, not expired, not deleted
 */
public record OwnerSummary(Owner owner, long activeKeys) {

}
