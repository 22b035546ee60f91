package dev.flowgate.runner.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import dev.flowgate.runner.domain.execution.Execution;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.support.Acknowledgment;

/**
 * This runner's hold on one trigger partition: which results were already published
 * before it took over, the executions it runs, and the offsets it may commit. Until the
 * results published before are known, its triggers are held back. Given up while the
 * runner is healthy, its executions in flight may first finish and publish
 * ({@link #awaitDrained}). Once revoked, nothing more is published or committed for it,
 * so the next owner can run whatever is unfinished without producing a second result.
 */
final class PartitionState {

	/** Triggers held back until the results published before the takeover are known. */
	private final TakeoverLook look = new TakeoverLook();

	private final RecentIds<Boolean> started;

	private final PendingOffsets<Acknowledgment> offsets = new PendingOffsets<>();

	/** Executions started here until their result is out (or they ended without one). */
	private final Map<Long, Execution> running = new ConcurrentHashMap<>();

	/** Notified whenever an execution leaves {@link #running}. */
	private final Object executionEnded = new Object();

	private final ReadWriteLock fence = new ReentrantReadWriteLock();

	private boolean revoked;

	/**
	 * @param publishedBefore executions whose result is already on the results topic
	 * @param remembered how many started executions are remembered to skip duplicates
	 */
	PartitionState(Set<String> publishedBefore, int remembered) {
		this(remembered);
		scanned(publishedBefore);
	}

	/** A partition taken over, whose earlier results are not known yet. */
	PartitionState(int remembered) {
		this.started = new RecentIds<>(remembered);
	}

	void scanned(Set<String> publishedBefore) {
		this.look.scanned(publishedBefore);
	}

	/** @see TakeoverLook#holdsBack */
	boolean holdsBack(ConsumerRecord<?, ?> trigger, Consumer<?, ?> consumer) {
		return this.look.holdsBack(trigger, consumer);
	}

	/** @see TakeoverLook#startsLook */
	boolean startsLook() {
		return this.look.startsLook();
	}

	/** Whether the execution's result was published before this runner took over. */
	boolean hasResult(String executionId) {
		return this.look.hasResult(executionId);
	}

	/**
	 * Whether the execution already started while this runner held the partition: a
	 * second trigger with the same id (two gateways can publish one for the same
	 * idempotency key) needs no run, the first one's result answers both.
	 */
	boolean startedBefore(String executionId) {
		return executionId != null && this.started.contains(executionId);
	}

	void received(long offset, Acknowledgment acknowledgment) {
		this.offsets.received(offset, acknowledgment);
	}

	void running(long offset, Execution execution) {
		this.running.put(offset, execution);
		this.started.put(execution.executionId(), Boolean.TRUE);
	}

	/**
	 * Stops the execution at the owner's request if it runs here.
	 * @return whether it was running
	 */
	boolean stop(String executionId, Instant requestedAt) {
		Optional<Execution> execution = this.running.values()
			.stream()
			.filter((candidate) -> candidate.executionId().equals(executionId))
			.findFirst();
		execution.ifPresent((running) -> running.stop(requestedAt));
		return execution.isPresent();
	}

	/**
	 * Runs {@code publish} unless the partition was revoked; revocation waits for a
	 * publication in progress.
	 * @return whether it ran
	 */
	boolean publishWhileOwned(Runnable publish) {
		this.fence.readLock().lock();
		try {
			if (this.revoked) {
				return false;
			}
			publish.run();
			return true;
		}
		finally {
			this.fence.readLock().unlock();
		}
	}

	/** The record's result is out (or it needs none): commit as far as that allows. */
	void finished(long offset) {
		if (!isRevoked()) {
			this.offsets.finished(offset).ifPresent(Acknowledgment::acknowledge);
		}
		// Acknowledged first: a drain that finds the execution gone lets the partition
		// go, and the commit that follows takes only what was acknowledged by then.
		ended(offset);
	}

	/**
	 * The execution ended without a result (the runner is stopping, say): its trigger
	 * stays uncommitted for the next owner, and a drain need not wait for it.
	 */
	void endedWithoutResult(long offset) {
		ended(offset);
	}

	private void ended(long offset) {
		this.running.remove(offset);
		synchronized (this.executionEnded) {
			this.executionEnded.notifyAll();
		}
	}

	/**
	 * Waits until every execution started here has ended and its result is out, or until
	 * the timeout. Needs no other thread than those publishing results, so the consumer
	 * thread may wait here.
	 * @return whether none runs any more
	 */
	boolean awaitDrained(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.executionEnded) {
			long left = timeout.toNanos();
			while (!this.running.isEmpty() && left > 0) {
				TimeUnit.NANOSECONDS.timedWait(this.executionEnded, left);
				left = deadline - System.nanoTime();
			}
			return this.running.isEmpty();
		}
	}

	/**
	 * Stops publishing for this partition and cancels its executions.
	 * @return how many executions were cancelled
	 */
	int revoke() {
		this.fence.writeLock().lock();
		try {
			this.revoked = true;
		}
		finally {
			this.fence.writeLock().unlock();
		}
		int cancelled = 0;
		for (Execution execution : this.running.values()) {
			execution.cancel();
			cancelled++;
		}
		this.running.clear();
		return cancelled;
	}

	int runningCount() {
		return this.running.size();
	}

	boolean isRevoked() {
		this.fence.readLock().lock();
		try {
			return this.revoked;
		}
		finally {
			this.fence.readLock().unlock();
		}
	}

}
