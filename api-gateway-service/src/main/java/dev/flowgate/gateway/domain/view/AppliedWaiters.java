package dev.flowgate.gateway.domain.view;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Calls waiting until a view holds a record as expected: the management API answers a
 * change only once this replica's view has it, so that the caller's next call here sees
 * it. Bounded: past {@code capacity} waiting calls a new one does not wait.
 *
 * @param <S> the state of a record in the view; {@code null} for an absent one
 */
public final class AppliedWaiters<S> {

	/**
	 * Management calls waiting for their change at most; far more than the management
	 * rate limit lets wait at once.
	 */
	private static final int MAX_WAITING_CALLS = 10_000;

	private final Map<String, Set<Waiter<S>>> byId = new ConcurrentHashMap<>();

	private final Semaphore room;

	public AppliedWaiters() {
		this(MAX_WAITING_CALLS);
	}

	public AppliedWaiters(int capacity) {
		this.room = new Semaphore(capacity);
	}

	/**
	 * Waits until the record's state meets {@code reached}: the state it has now, or one
	 * applied later ({@link #applied}).
	 * @param current the record's state now, read after the waiter is registered, so that
	 * a state applied meanwhile is seen either here or by {@link #applied}
	 * @return completes with {@code true} once reached, {@code false} when
	 * {@code timeout} passed first or too many calls wait already
	 */
	public CompletableFuture<Boolean> await(String id, Predicate<S> reached, Supplier<S> current, Duration timeout) {
		if (!this.room.tryAcquire()) {
			return CompletableFuture.completedFuture(false);
		}
		Waiter<S> waiter = new Waiter<>(reached);
		this.byId.compute(id, (key, waiters) -> {
			Set<Waiter<S>> all = (waiters != null) ? waiters : ConcurrentHashMap.newKeySet();
			all.add(waiter);
			return all;
		});
		waiter.answer().whenComplete((done, failure) -> remove(id, waiter));
		waiter.offer(current.get());
		return waiter.answer().completeOnTimeout(false, timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Tells the record's waiters its state changed.
	 * @param current its state now that the change is applied
	 */
	public void applied(String id, S current) {
		Set<Waiter<S>> waiters = this.byId.get(id);
		if (waiters != null) {
			waiters.forEach((waiter) -> waiter.offer(current));
		}
	}

	/** How many calls wait. */
	public int count() {
		return this.byId.values().stream().mapToInt(Set::size).sum();
	}

	private void remove(String id, Waiter<S> waiter) {
		this.byId.computeIfPresent(id, (key, waiters) -> {
			waiters.remove(waiter);
			return waiters.isEmpty() ? null : waiters;
		});
		this.room.release();
	}

	/** Compared by identity: two calls may wait for the same. */
	private static final class Waiter<S> {

		private final Predicate<S> reached;

		private final CompletableFuture<Boolean> answer = new CompletableFuture<>();

		Waiter(Predicate<S> reached) {
			this.reached = reached;
		}

		CompletableFuture<Boolean> answer() {
			return this.answer;
		}

		void offer(S state) {
			if (!this.answer.isDone() && this.reached.test(state)) {
				this.answer.complete(true);
			}
		}

	}

}
