package dev.flowgate.delivery.domain.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Deliveries and their schedule, durably; every change is one atomic write. */
public interface DeliveryStore {

	/**
	 * Stores a new delivery unless one with its id exists.
	 * @param lease held from the start when this instance attempts it at once, or
	 * {@code null}
	 * @return whether it was new
	 */
	boolean insert(Delivery delivery, Lease lease);

	/**
	 * Leases the pending delivery that has been due longest and is not leased.
	 * @param busyDestinations destination keys to leave for later
	 */
	Optional<Claim> claimDue(Instant now, Instant leaseUntil, Set<String> busyDestinations);

	/** Leases one pending, due, unleased delivery. */
	Optional<Claim> claim(String deliveryId, Instant now, Instant leaseUntil);

	/** Gives a lease back without attempting. */
	void release(Claim claim);

	/**
	 * Writes the delivery's new state and ends the lease.
	 * @return {@code false} when the lease was lost (expired and claimed elsewhere)
	 */
	boolean settle(Claim claim, Delivery next);

	Optional<Delivery> find(String ownerId, String deliveryId);

	/** The owner's deliveries of one execution, oldest first. */
	List<Delivery> findByExecution(String ownerId, String executionId);

	/**
	 * Sets a delivery pending again if it still has the status the caller saw.
	 * @return whether it changed
	 */
	boolean replay(Delivery replayed, DeliveryStatus expected);

	/** Failed deliveries whose {@code DeliveryFailed} is not yet on the topic. */
	List<Delivery> unpublishedFailures(Instant finishedBefore, int limit);

	void markFailurePublished(String deliveryId, UUID eventId);

}
