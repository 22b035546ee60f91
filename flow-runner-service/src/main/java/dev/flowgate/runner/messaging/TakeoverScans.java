package dev.flowgate.runner.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.flowgate.runner.config.ApplicationThreads;
import dev.flowgate.runner.config.RunnerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.kafka.common.TopicPartition;

import org.springframework.stereotype.Component;

/**
 * Learns, off the consumer thread, which uncommitted triggers of the partitions taken
 * over already have a result, and lets each partition's triggers run once that is known.
 * A look that fails is tried again, never taken for "no results": that would run them
 * twice. Meanwhile the consumer keeps polling, so it stays in the group however long the
 * look takes.
 */
@Component
class TakeoverScans implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(TakeoverScans.class);

	private final CompletedResultScanner scanner;

	private final PartitionStates partitions;

	private final Duration retryInterval;

	private final ScheduledExecutorService thread = Executors
		.newSingleThreadScheduledExecutor(ApplicationThreads.named("result-scan-"));

	TakeoverScans(CompletedResultScanner scanner, PartitionStates partitions, RunnerProperties properties) {
		this.scanner = scanner;
		this.partitions = partitions;
		this.retryInterval = properties.triggers().resultScanRetryInterval();
	}

	/** A partition this runner took over, from its first uncommitted trigger on. */
	record Takeover(TopicPartition partition, long firstUncommitted, PartitionState state) {
	}

	void start(List<Takeover> takeovers) {
		submit(() -> scan(takeovers), Duration.ZERO);
	}

	private void scan(List<Takeover> takeovers) {
		List<Takeover> held = takeovers.stream().filter((takeover) -> !takeover.state().isRevoked()).toList();
		if (held.isEmpty()) {
			return;
		}
		Map<TopicPartition, Set<String>> published = publishedSince(held);
		held.stream().filter((takeover) -> published.containsKey(takeover.partition())).forEach((takeover) -> {
			Set<String> before = published.get(takeover.partition());
			if (this.partitions.scanned(takeover.partition(), takeover.state(), before)) {
				logger.info("Took over {} at offset {}; {} results published since then (less the skew margin)",
						takeover.partition(), takeover.firstUncommitted(), before.size());
			}
		});
		List<Takeover> again = held.stream()
			.filter((takeover) -> !published.containsKey(takeover.partition()))
			.toList();
		if (!again.isEmpty()) {
			logger.warn("Triggers of {} wait: looking for their published results again in {}",
					again.stream().map(Takeover::partition).toList(), this.retryInterval);
			submit(() -> scan(again), this.retryInterval);
		}
	}

	/** Only a failed look is tried again: a task that throws is never run again. */
	private Map<TopicPartition, Set<String>> publishedSince(List<Takeover> takeovers) {
		try {
			return this.scanner.publishedSince(
					takeovers.stream().collect(Collectors.toMap(Takeover::partition, Takeover::firstUncommitted)));
		}
		catch (RuntimeException ex) {
			logger.warn("Looking for published results failed", ex);
			return Map.of();
		}
	}

	private void submit(Runnable scan, Duration delay) {
		try {
			this.thread.schedule(scan, delay.toMillis(), TimeUnit.MILLISECONDS);
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
