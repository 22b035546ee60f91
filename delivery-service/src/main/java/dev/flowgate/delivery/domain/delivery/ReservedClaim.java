package dev.flowgate.delivery.domain.delivery;

/**
 * A claim with the bytes {@link Capacity} holds for its message, given back with its
 * slot.
 */
record ReservedClaim(Claim claim, long bytes) {

	String destination() {
		return this.claim.delivery().destinationKey();
	}

}
