package dev.flowgate.runner.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import dev.flowgate.runner.config.ApplicationThreads;
import dev.flowgate.runner.config.RunnerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.kafka.common.TopicPartition;

import org.springframework.stereotype.Component;

/**
 * Learns, off the consumer thread, which uncommitted triggers of the partitions taken
 * over already have a result, and hands each partition's answer on as soon as it is read.
 * A look that fails is tried again, never taken for "no results": that would run them
 * twice. Meanwhile the consumer keeps polling, so it stays in the group however long the
 * look takes.
 */
@Component
class TakeoverScans implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(TakeoverScans.class);

	private final CompletedResultScanner scanner;

	private final Duration retryInterval;

	private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();

	private final ScheduledExecutorService thread = Executors
		.newSingleThreadScheduledExecutor(ApplicationThreads.named("result-scan-"));

	TakeoverScans(CompletedResultScanner scanner, RunnerProperties properties) {
		this.scanner = scanner;
		this.retryInterval = properties.triggers().resultScanRetryInterval();
	}

	/** A partition this runner took over, from its first uncommitted trigger on. */
	record Takeover(TopicPartition partition, long firstUncommitted, PartitionState state) {
	}

	private record Pending(Takeover takeover, BiConsumer<Takeover, Set<String>> onScanned) {
	}

	/**
	 * @param onScanned gets the executions with a result published since the first
	 * uncommitted trigger, on the look's thread
	 */
	void start(Takeover takeover, BiConsumer<Takeover, Set<String>> onScanned) {
		this.pending.add(new Pending(takeover, onScanned));
		submit(Duration.ZERO);
	}

	/** Looks at every partition waiting, one consumer for them all. */
	private void scanPending() {
		List<Pending> again = new ArrayList<>();
		try (CompletedResultScanner.Look look = this.scanner.open()) {
			Pending next;
			while ((next = this.pending.poll()) != null) {
				if (!next.takeover().state().isRevoked() && !scan(look, next)) {
					again.add(next);
				}
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not look for published results: {}", ex.toString());
		}
		finally {
			// Whatever was not looked at (the consumer could not be made) waits too.
			Pending left;
			while ((left = this.pending.poll()) != null) {
				again.add(left);
			}
			retryLater(again);
		}
	}

	private boolean scan(CompletedResultScanner.Look look, Pending next) {
		Takeover takeover = next.takeover();
		try {
			next.onScanned().accept(takeover, look.publishedSince(takeover.partition(), takeover.firstUncommitted()));
			return true;
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read the results published for {} since offset {}: {}", takeover.partition(),
					takeover.firstUncommitted(), ex.toString());
			return false;
		}
	}

	private void retryLater(List<Pending> again) {
		if (again.isEmpty()) {
			return;
		}
		logger.warn("Triggers of {} wait: looking for their published results again in {}",
				again.stream().map((waiting) -> waiting.takeover().partition()).toList(), this.retryInterval);
		this.pending.addAll(again);
		submit(this.retryInterval);
	}

	private void submit(Duration delay) {
		try {
			this.thread.schedule(this::scanPending, delay.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			logger.debug("Not looking for published results: the runner is stopping");
		}
	}

	@Override
	public void close() {
		this.thread.shutdownNow();
	}

}
