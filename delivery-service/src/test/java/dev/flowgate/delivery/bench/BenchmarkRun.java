package dev.flowgate.delivery.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.flowgate.contracts.DeliveryChannel;
import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.Topics;
import dev.flowgate.delivery.domain.delivery.Delivery;
import dev.flowgate.delivery.support.Receiver;
import dev.flowgate.delivery.support.Receiver.Reply;
import dev.flowgate.delivery.support.Results;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

/**
 * Publishes results and times their first attempts at a local receiver; optionally every
 * tenth result goes to a receiver that never answers.
 */
final class BenchmarkRun implements AutoCloseable {

	private static final int HANGING_SHARE = 10;

	private static final Duration MAX_WAIT = Duration.ofMinutes(10);

	private static final long POLL_MILLIS = 50;

	private final Map<String, Instant> firstArrivals = new ConcurrentHashMap<>();

	private final Receiver fast = Receiver.start().respond(this::arrived);

	private final Receiver hanging = Receiver.start().respond((request) -> Reply.hangs());

	private final KafkaProducer<String, FlowgateEvent> producer;

	private final boolean withHanging;

	BenchmarkRun(String kafka, boolean withHanging) {
		this.producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.LINGER_MS_CONFIG, 0,
						ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new JacksonJsonSerializer<FlowgateEvent>().noTypeInfo());
		this.withHanging = withHanging;
	}

	/** Publishes everything at once: throughput, and latency including the queue. */
	Result burst(int count) throws InterruptedException {
		String owner = "bench-" + UUID.randomUUID();
		Instant start = Instant.now();
		List<ExecutionCompleted> measured = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			publish(owner, i, measured);
		}
		this.producer.flush();
		return awaitFirstAttempts(start, measured);
	}

	/** Publishes at a steady rate below capacity: latency without a queue. */
	Result paced(int perSecond, Duration duration) throws InterruptedException {
		String owner = "bench-" + UUID.randomUUID();
		long count = perSecond * duration.toSeconds();
		long intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
		Instant start = Instant.now();
		long startNanos = System.nanoTime();
		List<ExecutionCompleted> measured = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			long wait = startNanos + i * intervalNanos - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			publish(owner, i, measured);
		}
		return awaitFirstAttempts(start, measured);
	}

	@Override
	public void close() {
		this.producer.close();
		this.fast.close();
		this.hanging.close();
	}

	private void publish(String owner, int n, List<ExecutionCompleted> measured) {
		boolean slow = this.withHanging && n % HANGING_SHARE == 0;
		Receiver receiver = slow ? this.hanging : this.fast;
		ExecutionCompleted result = Results.succeeded(owner, slow ? "dep-hanging" : "dep-fast", receiver.url("/hook"),
				null, Map.of("answer", "42", "n", n));
		if (!slow) {
			measured.add(result);
		}
		this.producer.send(new ProducerRecord<>(Topics.EXECUTIONS_COMPLETED.name(), result.executionId(), result));
	}

	private Result awaitFirstAttempts(Instant start, List<ExecutionCompleted> results) throws InterruptedException {
		Map<String, Instant> published = new HashMap<>();
		results.forEach((result) -> published.put(id(result), result.occurredAt()));
		long deadline = System.nanoTime() + MAX_WAIT.toNanos();
		while (!this.firstArrivals.keySet().containsAll(published.keySet())) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Deliveries still missing after " + MAX_WAIT);
			}
			TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
		}
		List<Duration> latencies = published.entrySet()
			.stream()
			.map((entry) -> Duration.between(entry.getValue(), this.firstArrivals.get(entry.getKey())))
			.sorted()
			.toList();
		Instant last = published.keySet().stream().map(this.firstArrivals::get).max(Instant::compareTo).orElseThrow();
		return new Result(results.size(), Duration.between(start, last), latencies);
	}

	private Reply arrived(Receiver.Request request) {
		this.firstArrivals.putIfAbsent(request.header("webhook-id"), request.receivedAt());
		return Reply.status(204);
	}

	private static String id(ExecutionCompleted result) {
		return Delivery.idFor(result.executionId(), DeliveryChannel.CALLBACK);
	}

	/** Results delivered to the answering receiver, and how fast. */
	record Result(int delivered, Duration elapsed, List<Duration> latencies) {

		void print(String name) {
			double perSecond = this.delivered / (this.elapsed.toNanos() / 1e9);
			System.out.printf("%-58s %8d %14.0f %9.1f %9.1f%n", name, this.delivered, perSecond, millis(50),
					millis(99));
		}

		private double millis(int percentile) {
			int index = (int) Math.ceil(percentile / 100.0 * this.latencies.size()) - 1;
			return this.latencies.get(Math.max(0, index)).toNanos() / 1e6;
		}

	}

}
