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
 * result even before deployment-service has recorded either. Bounded in size and age.
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
	public record Remembered(ExecutionRequested trigger, CompletableFuture<Void> accepted, ExecutionSnapshot finished) {
	}

	private record Entry(Remembered remembered, Instant forgetAt) {
	}

	private final Map<String, Entry> byExecutionId = new LinkedHashMap<>();

	private final Clock clock;

	private final Duration retention;

	private final int capacity;

	public IdempotencyMemory(Clock clock, Duration retention, int capacity) {
		this.clock = clock;
		this.retention = retention;
		this.capacity = capacity;
	}

	public synchronized Optional<Remembered> find(String executionId) {
		Entry entry = this.byExecutionId.get(executionId);
		return (entry != null && entry.forgetAt().isAfter(this.clock.instant())) ? Optional.of(entry.remembered())
				: Optional.empty();
	}

	/** Remembers a trigger unless one with its id is remembered already. */
	public synchronized boolean claim(ExecutionRequested trigger) {
		evict();
		if (find(trigger.executionId()).isPresent()) {
			return false;
		}
		this.byExecutionId.put(trigger.executionId(), new Entry(
				new Remembered(trigger, new CompletableFuture<>(), null), this.clock.instant().plus(this.retention)));
		return true;
	}

	/** Keeps the result of a remembered trigger, for repeats until it is forgotten. */
	public synchronized void finished(ExecutionSnapshot execution) {
		this.byExecutionId.computeIfPresent(execution.executionId(),
				(id, entry) -> new Entry(
						new Remembered(entry.remembered().trigger(), entry.remembered().accepted(), execution),
						entry.forgetAt()));
	}

	/**
	 * Forgets a trigger that was not accepted; repeats waiting for it get its refusal.
	 */
	public void refused(String executionId, RuntimeException refusal) {
		Entry entry;
		synchronized (this) {
			entry = this.byExecutionId.remove(executionId);
		}
		if (entry != null) {
			// Outside the lock: failing runs the waiting repeats' continuations.
			entry.remembered().accepted().completeExceptionally(refusal);
		}
	}

	private void evict() {
		Instant now = this.clock.instant();
		Iterator<Entry> oldestFirst = this.byExecutionId.values().iterator();
		while (oldestFirst.hasNext()) {
			Entry oldest = oldestFirst.next();
			if (this.byExecutionId.size() < this.capacity && oldest.forgetAt().isAfter(now)) {
				return;
			}
			oldestFirst.remove();
		}
	}

}
