package dev.flowgate.delivery.domain.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.flowgate.delivery.domain.PageCursor;

/** The delivery store's contract, in memory, with the attempt log it writes to. */
public class InMemoryDeliveryStore implements DeliveryStore, DeliveryPages {

	private final InMemoryAttemptLog attempts = new InMemoryAttemptLog();

	private final Map<String, Delivery> deliveries = new LinkedHashMap<>();

	private final Map<String, Lease> leases = new LinkedHashMap<>();

	private final Set<UUID> published = new HashSet<>();

	private final List<Integer> deleteBatches = new ArrayList<>();

	/** How often due deliveries were searched for. */
	int searches;

	/** What settling throws from now on, as a store that cannot be reached would. */
	private RuntimeException settleFailure;

	private RuntimeException insertFailure;

	private volatile Runnable beforeNextSearch;

	/** Deliveries stored before their message's size was. */
	private final Set<String> storedBeforeSizes = new HashSet<>();

	@Override
	public synchronized Set<String> insertAll(List<Delivery> deliveries, Map<String, Lease> leases) {
		Set<String> inserted = new LinkedHashSet<>();
		for (Delivery delivery : deliveries) {
			if (this.deliveries.putIfAbsent(delivery.id(), delivery) == null) {
				inserted.add(delivery.id());
				if (leases.containsKey(delivery.id())) {
					this.leases.put(delivery.id(), leases.get(delivery.id()));
				}
			}
		}
		if (this.insertFailure != null) {
			throw this.insertFailure;
		}
		return inserted;
	}

	/** Stores deliveries as a version that did not store their message's size did. */
	synchronized void insertWithoutSizes(List<Delivery> deliveries) {
		insertAll(deliveries, Map.of()).forEach(this.storedBeforeSizes::add);
	}

	/**
	 * Inserts go on failing after storing what they were given, as a partly failed bulk
	 * write.
	 */
	synchronized void failInsertsAfterStoring(RuntimeException failure) {
		this.insertFailure = failure;
	}

	/** Runs once, as the next search starts: what another thread does meanwhile. */
	void beforeNextSearch(Runnable meanwhile) {
		this.beforeNextSearch = meanwhile;
	}

	@Override
	public List<Due> findDue(Instant now, Set<String> busyDestinations, int limit) {
		Runnable meanwhile = this.beforeNextSearch;
		this.beforeNextSearch = null;
		if (meanwhile != null) {
			meanwhile.run();
		}
		return due(now, busyDestinations, limit);
	}

	private synchronized List<Due> due(Instant now, Set<String> busyDestinations, int limit) {
		this.searches++;
		return this.deliveries.values()
			.stream()
			.filter((d) -> d.status() == DeliveryStatus.PENDING && !d.nextAttemptAt().isAfter(now))
			.filter((d) -> !this.leases.containsKey(d.id()) || this.leases.get(d.id()).until().isBefore(now))
			.filter((d) -> !busyDestinations.contains(d.destinationKey()))
			.sorted(Comparator.comparing(Delivery::nextAttemptAt))
			.limit(limit)
			.map((d) -> new Due(d.id(), d.destinationKey(),
					this.leases.containsKey(d.id()) ? this.leases.get(d.id()).token() : null,
					this.storedBeforeSizes.contains(d.id()) ? Due.UNKNOWN_SIZE : d.message().size()))
			.toList();
	}

	@Override
	public synchronized List<Claim> claimAll(List<Due> found, Instant now, Instant leaseUntil) {
		List<Claim> claims = new ArrayList<>();
		for (Due due : found) {
			Delivery delivery = this.deliveries.get(due.deliveryId());
			Lease lease = this.leases.get(due.deliveryId());
			String token = (lease != null) ? lease.token() : null;
			if (delivery != null && Objects.equals(token, due.leaseToken())
					&& delivery.status() == DeliveryStatus.PENDING && !delivery.nextAttemptAt().isAfter(now)) {
				claims.add(lease(delivery, leaseUntil));
			}
		}
		return claims;
	}

	@Override
	public synchronized void release(Claim claim) {
		if (holds(claim)) {
			this.leases.remove(claim.delivery().id());
		}
	}

	@Override
	public synchronized boolean settle(Claim claim, Delivery next, Optional<Attempt> attempt) {
		if (this.settleFailure != null) {
			throw this.settleFailure;
		}
		if (!holds(claim)) {
			return false;
		}
		this.leases.remove(next.id());
		this.deliveries.put(next.id(), next);
		attempt.ifPresent(this.attempts::record);
		return true;
	}

	synchronized void failSettling(RuntimeException failure) {
		this.settleFailure = failure;
	}

	/** The attempts that settles recorded. */
	InMemoryAttemptLog attempts() {
		return this.attempts;
	}

	@Override
	public synchronized Optional<Delivery> find(String ownerId, String deliveryId) {
		return Optional.ofNullable(this.deliveries.get(deliveryId)).filter((d) -> d.ownerId().equals(ownerId));
	}

	@Override
	public synchronized List<Delivery> findByExecution(String ownerId, String executionId) {
		return this.deliveries.values()
			.stream()
			.filter((d) -> d.ownerId().equals(ownerId) && d.executionId().equals(executionId))
			.toList();
	}

	@Override
	public synchronized List<Delivery> page(String ownerId, DeliveryStatus status, PageCursor after, int limit) {
		return this.deliveries.values()
			.stream()
			.filter((d) -> d.ownerId().equals(ownerId) && (status == null || d.status() == status))
			.filter((d) -> after == null || d.createdAt().isBefore(after.at())
					|| (d.createdAt().equals(after.at()) && d.id().compareTo(after.id()) < 0))
			.sorted(Comparator.comparing(Delivery::createdAt).thenComparing(Delivery::id).reversed())
			.limit(limit)
			.toList();
	}

	@Override
	public synchronized List<Delivery> failedSince(String ownerId, Instant since, PageCursor after, int limit) {
		return this.deliveries.values()
			.stream()
			.filter((d) -> d.ownerId().equals(ownerId) && d.status() == DeliveryStatus.FAILED
					&& d.message().hasContent())
			.filter((d) -> since == null || !d.createdAt().isBefore(since))
			.filter((d) -> after == null || d.createdAt().isAfter(after.at())
					|| (d.createdAt().equals(after.at()) && d.id().compareTo(after.id()) > 0))
			.sorted(Comparator.comparing(Delivery::createdAt).thenComparing(Delivery::id))
			.limit(limit)
			.toList();
	}

	@Override
	public synchronized boolean replay(Delivery replayed, DeliveryStatus expected) {
		Delivery current = this.deliveries.get(replayed.id());
		if (current == null || current.status() != expected) {
			return false;
		}
		this.deliveries.put(replayed.id(), replayed);
		return true;
	}

	@Override
	public synchronized List<Delivery> unpublishedFailures(Instant finishedBefore, int limit) {
		return this.deliveries.values()
			.stream()
			.filter((d) -> d.status() == DeliveryStatus.FAILED && !this.published.contains(d.failureEventId())
					&& d.finishedAt().isBefore(finishedBefore))
			.limit(limit)
			.toList();
	}

	@Override
	public synchronized void markFailurePublished(String deliveryId, UUID eventId) {
		this.published.add(eventId);
	}

	@Override
	public synchronized int deleteSomeOf(String ownerId, int limit) {
		this.deleteBatches.add(limit);
		List<String> ids = this.deliveries.values()
			.stream()
			.filter((d) -> d.ownerId().equals(ownerId))
			.map(Delivery::id)
			.limit(limit)
			.toList();
		ids.forEach(this::delete);
		return ids.size();
	}

	@Override
	public synchronized void discard(Claim claim) {
		if (holds(claim)) {
			delete(claim.delivery().id());
		}
	}

	/** The limits of the batches deleted so far, in order. */
	public synchronized List<Integer> deleteBatches() {
		return List.copyOf(this.deleteBatches);
	}

	private void delete(String deliveryId) {
		this.deliveries.remove(deliveryId);
		this.leases.remove(deliveryId);
		this.attempts.forget(deliveryId);
	}

	synchronized Delivery get(String deliveryId) {
		return this.deliveries.get(deliveryId);
	}

	synchronized boolean isLeased(String deliveryId) {
		return this.leases.containsKey(deliveryId);
	}

	private Claim lease(Delivery delivery, Instant until) {
		String token = UUID.randomUUID().toString();
		this.leases.put(delivery.id(), new Lease(token, until));
		return new Claim(delivery, token, until);
	}

	private boolean holds(Claim claim) {
		Lease lease = this.leases.get(claim.delivery().id());
		return lease != null && lease.token().equals(claim.token());
	}

}
