package dev.flowgate.gateway.domain.limit;

import java.time.Clock;
import java.util.Optional;

import dev.flowgate.gateway.domain.Rejection;

/**
 * The limit on management API calls, one token bucket per {@link ManagementBudget} (a
 * burst up to the limit, then a steady rate), so that one owner's script cannot saturate
 * the services behind the gateway for everyone. Keys without {@code manage} access have a
 * bucket each rather than the owner's: one that leaked and loops polling cannot use up
 * what the owner needs to revoke it. Unlike the trigger limits each replica counts only
 * the calls it serves: N replicas allow up to N times the limit, which is enough to stop
 * a runaway loop, and needs no counts on Kafka.
 */
public final class ManagementLimits {

	private final TokenBuckets<ManagementBudget> budgets;

	private final int perMinute;

	/**
	 * @param perMinute the management calls a budget allows per minute; 0 or less turns
	 * the limit off
	 */
	public ManagementLimits(Clock clock, int perMinute) {
		this.budgets = new TokenBuckets<>(clock, false);
		this.perMinute = perMinute;
	}

	/**
	 * Counts one management call against {@code budget}.
	 * @throws Rejection (429) with the time until its next call is allowed
	 */
	public void acquire(ManagementBudget budget) {
		if (isOn()) {
			this.budgets.acquire(budget, this.perMinute, budget.describe(this.perMinute));
		}
	}

	/** What is left of {@code budget}, or empty when the limit is off. */
	public Optional<Quota> quota(ManagementBudget budget) {
		return isOn() ? Optional.of(this.budgets.quota(budget, this.perMinute)) : Optional.empty();
	}

	/**
	 * Forgets the budgets whose bucket has refilled (a new one would be the same).
	 * @return how many were forgotten
	 */
	public int forgetIdle() {
		return this.budgets.forgetIdle();
	}

	private boolean isOn() {
		return this.perMinute > 0;
	}

}
