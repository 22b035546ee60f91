package dev.flowgate.gateway.domain.limit;

import java.time.Clock;
import java.util.Optional;

import dev.flowgate.gateway.domain.Rejection;

/**
 * The limit on management API calls, one token bucket per owner (a burst up to the limit,
 * then a steady rate), so that one owner's script cannot saturate the services behind the
 * gateway for everyone. Unlike the trigger limits each replica counts only the calls it
 * serves: N replicas allow an owner up to N times the limit, which is enough to stop a
 * runaway loop, and needs no counts on Kafka.
 */
public final class ManagementLimits {

	private final TokenBuckets<String> owners;

	private final int perMinute;

	/**
	 * @param perMinute the management calls an owner may make per minute; 0 or less turns
	 * the limit off
	 */
	public ManagementLimits(Clock clock, int perMinute) {
		this.owners = new TokenBuckets<>(clock, false);
		this.perMinute = perMinute;
	}

	/**
	 * Counts one management call of an owner.
	 * @throws Rejection (429) with the time until the owner's next call is allowed
	 */
	public void acquire(String ownerId) {
		if (isOn()) {
			this.owners.acquire(ownerId, this.perMinute,
					"The owner's rate limit of " + this.perMinute + " management API requests per minute");
		}
	}

	/** What is left of the owner's limit, or empty when the limit is off. */
	public Optional<Quota> quota(String ownerId) {
		return isOn() ? Optional.of(this.owners.quota(ownerId, this.perMinute)) : Optional.empty();
	}

	/**
	 * Forgets the owners whose bucket has refilled (a new one would be the same).
	 * @return how many were forgotten
	 */
	public int forgetIdle() {
		return this.owners.forgetIdle();
	}

	private boolean isOn() {
		return this.perMinute > 0;
	}

}
