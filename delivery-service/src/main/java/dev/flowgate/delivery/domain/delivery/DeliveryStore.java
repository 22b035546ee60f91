package dev.flowgate.delivery.domain.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Deliveries and their schedule, durably; every change is one atomic write. */
public interface DeliveryStore {

	/**
	 * Stores new deliveries, all in one write, skipping those whose id exists.
	 * @param leases by delivery id: held from the start by those this instance attempts
	 * at once
	 * @return the ids of the deliveries that were new
	 */
	Set<String> insertAll(List<Delivery> deliveries, Map<String, Lease> leases);

	/**
	 * Stores a new delivery unless one with its id exists.
	 * @param lease held from the start when this instance attempts it at once, or
	 * {@code null}
	 * @return whether it was new
	 */
	default boolean insert(Delivery delivery, Lease lease) {
		Map<String, Lease> leases = (lease != null) ? Map.of(delivery.id(), lease) : Map.of();
		return insertAll(List.of(delivery), leases).contains(delivery.id());
	}

	/**
	 * Pending, due, unleased deliveries, due longest first, to be claimed one by one.
	 * @param busyDestinations destination keys to leave for later
	 */
	List<Due> findDue(Instant now, Set<String> busyDestinations, int limit);

	/**
	 * Leases a delivery if its lease token is still {@code expectedToken} and it is then
	 * pending and due.
	 * @param expectedToken the token seen when it was found, or {@code null} for one that
	 * holds no lease
	 */
	Optional<Claim> claim(String deliveryId, String expectedToken, Instant now, Instant leaseUntil);

	/** Leases a pending, due delivery that holds no lease. */
	default Optional<Claim> claim(String deliveryId, Instant now, Instant leaseUntil) {
		return claim(deliveryId, null, now, leaseUntil);
	}

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

	/**
	 * A due delivery found by {@link #findDue}.
	 *
	 * @param leaseToken its lease token then: {@code null}, or one whose lease had
	 * expired
	 */
	record Due(String deliveryId, String destinationKey, String leaseToken) {
	}

}
