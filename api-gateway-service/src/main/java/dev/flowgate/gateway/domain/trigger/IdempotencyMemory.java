package dev.flowgate.gateway.domain.trigger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import dev.flowgate.contracts.ExecutionRequested;

/**
 * The idempotent triggers this replica accepted recently, and the results of those a call
 * waited for, so that a quick repeat is answered without publishing again and with the
 * result even before deployment-service has recorded either. Bounded in count, bytes and
 * age, the oldest forgotten first: their repeats are answered from the records.
 */
public final class IdempotencyMemory {

	/**
	 * A remembered trigger.
	 *
	 * @param accepted completes once Kafka acknowledged the trigger, or fails with the
	 * refusal its call got
	 * @param finished its execution once the result came to a waiting call, else
	 * {@code null}
	 */
	record Remembered(ExecutionRequested trigger, CompletableFuture<Void> accepted, ExecutionSnapshot finished) {
	}

	/**
	 * @param bytes about how much heap the trigger's inputs and result take
	 */
	private record Entry(Remembered remembered, Instant forgetAt, long bytes) {
	}

	private final Map<String, Entry> byExecutionId = new LinkedHashMap<>();

	private final Clock clock;

	private final Duration retention;

	private final int capacity;

	private final long maxBytes;

	private long heldBytes;

	/**
	 * @param maxBytes the most heap the remembered inputs and results may take together
	 */
	public IdempotencyMemory(Clock clock, Duration retention, int capacity, long maxBytes) {
		this.clock = clock;
		this.retention = retention;
		this.capacity = capacity;
		this.maxBytes = maxBytes;
	}

	synchronized Optional<Remembered> find(String executionId) {
		Entry entry = this.byExecutionId.get(executionId);
		return (entry != null && entry.forgetAt().isAfter(this.clock.instant())) ? Optional.of(entry.remembered())
				: Optional.empty();
	}

	/**
	 * Remembers a trigger unless one with its id is remembered already.
	 * @return the trigger remembered with that id: {@code trigger} itself when it claimed
	 * the id, else the earlier one
	 */
	synchronized Remembered claim(ExecutionRequested trigger) {
		Optional<Remembered> earlier = find(trigger.executionId());
		if (earlier.isPresent()) {
			return earlier.get();
		}
		// Forgotten but still held: remembered anew, as the newest.
		remove(trigger.executionId());
		Remembered claimed = new Remembered(trigger, new CompletableFuture<>(), null);
		put(trigger.executionId(),
				new Entry(claimed, this.clock.instant().plus(this.retention), JsonFootprint.of(trigger.inputs())));
		return claimed;
	}

	/** Keeps the result of a remembered trigger, for repeats until it is forgotten. */
	synchronized void finished(ExecutionSnapshot execution) {
		Entry entry = this.byExecutionId.get(execution.executionId());
		if (entry != null) {
			Remembered remembered = entry.remembered();
			put(execution.executionId(),
					new Entry(new Remembered(remembered.trigger(), remembered.accepted(), execution), entry.forgetAt(),
							JsonFootprint.of(remembered.trigger().inputs()) + JsonFootprint.ofResult(execution)));
		}
	}

	/**
	 * Forgets a claimed trigger that was not accepted; repeats waiting for it get its
	 * refusal. Failed through the claim, not found by id: the memory may have forgotten
	 * it meanwhile, or remembered a later claim of the id in its place, which stays.
	 */
	void refused(Remembered claimed, RuntimeException refusal) {
		String executionId = claimed.trigger().executionId();
		synchronized (this) {
			Entry entry = this.byExecutionId.get(executionId);
			if (entry != null && entry.remembered().accepted() == claimed.accepted()) {
				remove(executionId);
			}
		}
		// Outside the lock: failing runs the waiting repeats' continuations.
		claimed.accepted().completeExceptionally(refusal);
	}

	/** Adds an entry (or replaces it in place), then forgets the oldest past a bound. */
	private void put(String executionId, Entry entry) {
		Entry replaced = this.byExecutionId.put(executionId, entry);
		this.heldBytes += entry.bytes() - ((replaced != null) ? replaced.bytes() : 0);
		Instant now = this.clock.instant();
		Iterator<Entry> oldestFirst = this.byExecutionId.values().iterator();
		while (oldestFirst.hasNext()) {
			Entry oldest = oldestFirst.next();
			boolean withinBounds = this.byExecutionId.size() <= this.capacity && this.heldBytes <= this.maxBytes;
			if (withinBounds && oldest.forgetAt().isAfter(now)) {
				return;
			}
			oldestFirst.remove();
			this.heldBytes -= oldest.bytes();
		}
	}

	private Entry remove(String executionId) {
		Entry removed = this.byExecutionId.remove(executionId);
		if (removed != null) {
			this.heldBytes -= removed.bytes();
		}
		return removed;
	}

}
