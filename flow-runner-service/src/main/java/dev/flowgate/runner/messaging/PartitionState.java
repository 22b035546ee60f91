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
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;

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

	private static final long NOT_HELD = -1;

	/** {@code null} until the look for results published before the takeover is done. */
	private volatile Set<String> publishedBefore;

	/** The first trigger held back; read and written on the consumer thread. */
	private long heldFrom = NOT_HELD;

	/** Whether the look was asked for; consumer thread. */
	private boolean lookStarted;

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
		this.publishedBefore = Set.copyOf(publishedBefore);
	}

	private boolean awaitsScan() {
		return this.publishedBefore == null;
	}

	/**
	 * Whether the trigger must wait until the results published before are known. If so,
	 * the consumer is sent back to the first trigger held back, unless it is there
	 * already: every trigger from there on comes again once they are known, whatever
	 * moved the consumer meanwhile (an error handler's seek, say). Triggers held back
	 * that retention deleted meanwhile give their place to the oldest one left. Called on
	 * the consumer thread.
	 */
	boolean holdsBack(ConsumerRecord<?, ?> trigger, Consumer<?, ?> consumer) {
		if (this.heldFrom == NOT_HELD && !awaitsScan()) {
			return false;
		}
		TopicPartition partition = new TopicPartition(trigger.topic(), trigger.partition());
		if (trigger.offset() > this.heldFrom && this.heldFrom != NOT_HELD
				&& consumer.position(partition) != this.heldFrom && heldTriggersDeleted(partition, consumer)) {
			// The consumer started over at the oldest trigger left: this one.
			this.heldFrom = trigger.offset();
		}
		if (trigger.offset() == this.heldFrom && !awaitsScan()) {
			this.heldFrom = NOT_HELD;
			return false;
		}
		if (this.heldFrom == NOT_HELD || trigger.offset() < this.heldFrom) {
			this.heldFrom = trigger.offset();
		}
		if (consumer.position(partition) != this.heldFrom) {
			consumer.seek(partition, this.heldFrom);
		}
		return true;
	}

	/**
	 * Whether retention deleted the first trigger held back meanwhile; sent back to it,
	 * the consumer would start over at the oldest trigger left, again and again. Asks the
	 * broker, which only a consumer moved past that trigger comes to.
	 */
	private boolean heldTriggersDeleted(TopicPartition partition, Consumer<?, ?> consumer) {
		try {
			Long oldest = consumer.beginningOffsets(Set.of(partition)).get(partition);
			return oldest != null && oldest > this.heldFrom;
		}
		catch (RetriableException ex) {
			// Sent back to it again, the consumer asks once more.
			return false;
		}
	}

	/**
	 * Whether the look must be asked for now: once, with the first trigger held back,
	 * which is the first uncommitted one. Called on the consumer thread.
	 */
	boolean startsLook() {
		if (this.lookStarted || !awaitsScan()) {
			return false;
		}
		this.lookStarted = true;
		return true;
	}

	boolean hasResult(String executionId) {
		Set<String> published = this.publishedBefore;
		return executionId != null && published != null && published.contains(executionId);
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
		// go,
		// and the commit that follows takes only what was acknowledged by then.
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
