package dev.flowgate.bench;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Publishes results against one running delivery-service and times their first attempts
 * at the answering receiver; with a hanging destination, every tenth result goes to a
 * receiver that never answers (and is not counted).
 */
final class DeliveryRun implements AutoCloseable {

	private static final int HANGING_SHARE = 10;

	private static final Duration MAX_WAIT = Duration.ofMinutes(10);

	private static final long POLL_MILLIS = 100;

	private final ResultPublisher publisher;

	private final CallbackReceiver answering;

	private final CallbackReceiver hanging;

	private final boolean withHanging;

	DeliveryRun(String kafka, CallbackReceiver answering, boolean withHanging) throws IOException {
		this.publisher = new ResultPublisher(kafka);
		this.answering = answering;
		this.hanging = withHanging ? CallbackReceiver.hanging() : null;
		this.withHanging = withHanging;
	}

	/** Publishes everything at once: throughput, and latency including the queue. */
	Latencies burst(String name, int count) throws InterruptedException {
		String owner = "bench-" + UUID.randomUUID();
		Map<String, Instant> measured = new LinkedHashMap<>();
		for (int i = 0; i < count; i++) {
			publish(owner, i, measured);
		}
		this.publisher.flush();
		return awaitFirstAttempts(name, measured);
	}

	/** Publishes at a steady rate: latency without a queue, while the rate is met. */
	Latencies paced(String name, int perSecond, Duration duration) throws InterruptedException {
		String owner = "bench-" + UUID.randomUUID();
		long count = perSecond * duration.toSeconds();
		long intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
		long startNanos = System.nanoTime();
		Map<String, Instant> measured = new LinkedHashMap<>();
		for (int i = 0; i < count; i++) {
			long wait = startNanos + i * intervalNanos - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			publish(owner, i, measured);
		}
		return awaitFirstAttempts(name, measured);
	}

	@Override
	public void close() {
		this.publisher.close();
		if (this.hanging != null) {
			this.hanging.close();
		}
	}

	private void publish(String owner, int n, Map<String, Instant> measured) {
		String executionId = ResultPublisher.newExecutionId();
		if (this.withHanging && n % HANGING_SHARE == 0) {
			this.publisher.publish(executionId, owner, "dep-hanging", this.hanging.url(executionId), n);
		}
		else {
			measured.put(executionId,
					this.publisher.publish(executionId, owner, "dep-fast", this.answering.url(executionId), n));
		}
	}

	/**
	 * Waits for the first attempt of every measured result. Throughput counts from the
	 * first publish to the last first attempt.
	 */
	private Latencies awaitFirstAttempts(String name, Map<String, Instant> published) throws InterruptedException {
		long deadline = System.nanoTime() + MAX_WAIT.toNanos();
		Set<String> missing = new HashSet<>(published.keySet());
		while (!missing.isEmpty()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(missing.size() + " deliveries still missing after " + MAX_WAIT);
			}
			TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
			missing.removeIf((id) -> this.answering.firstArrival(id) != null);
		}
		Instant first = published.values().stream().min(Instant::compareTo).orElseThrow();
		Instant last = published.keySet()
			.stream()
			.map(this.answering::firstArrival)
			.max(Instant::compareTo)
			.orElseThrow();
		long[] nanos = published.entrySet()
			.stream()
			.mapToLong((entry) -> Duration.between(entry.getValue(), this.answering.firstArrival(entry.getKey()))
				.toNanos())
			.toArray();
		return new Latencies(name, nanos, Duration.between(first, last).toNanos() / 1e9);
	}

}
