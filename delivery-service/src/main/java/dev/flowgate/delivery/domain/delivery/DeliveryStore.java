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
	 * Pending, due, unleased deliveries, due longest first, to be claimed one by one.
	 * @param busyDestinations destination keys to leave for later
	 */
	List<Due> findDue(Instant now, Set<String> busyDestinations, int limit);

	/**
	 * Leases deliveries found due, each if its lease token is still the one seen and it
	 * is then pending and due: one write and one read for all of them.
	 * @return the claims that succeeded
	 */
	List<Claim> claimAll(List<Due> found, Instant now, Instant leaseUntil);

	/** Leases a pending, due delivery that holds no lease. */
	default Optional<Claim> claim(String deliveryId, Instant now, Instant leaseUntil) {
		return claimAll(List.of(new Due(deliveryId, null, null, Due.UNKNOWN_SIZE)), now, leaseUntil).stream()
			.findFirst();
	}

	/** Gives a lease back without attempting. */
	void release(Claim claim);

	/**
	 * Writes the delivery's new state with the attempt that led to it, if one was made,
	 * and ends the lease.
	 * @return {@code false} when the lease was lost (expired and claimed elsewhere):
	 * nothing was written
	 */
	boolean settle(Claim claim, Delivery next, Optional<Attempt> attempt);

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
	 * Deletes up to {@code limit} of the owner's deliveries, whatever their status, with
	 * their attempt logs.
	 * @return how many it found; the owner has none left once it finds none
	 */
	int deleteSomeOf(String ownerId, int limit);

	/**
	 * Deletes a claimed delivery, its owner erased, while the claim's lease holds.
	 */
	void discard(Claim claim);

	/**
	 * A due delivery found by {@link #findDue}.
	 *
	 * @param destinationKey where it goes, or {@code null} when not known
	 * @param leaseToken its lease token then: {@code null}, or one whose lease had
	 * expired
	 * @param messageSize the bytes of its message, or {@link #UNKNOWN_SIZE} for one
	 * stored before sizes were
	 */
	record Due(String deliveryId, String destinationKey, String leaseToken, long messageSize) {

		public static final long UNKNOWN_SIZE = -1;

	}

}
