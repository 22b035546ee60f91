package dev.flowgate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.flowgate.contracts.Topics;
import dev.flowgate.infra.EmbeddedMongo;
import dev.flowgate.infra.KafkaBroker;

/**
 * Callback delivery end to end: {@code ExecutionCompleted} results published to Kafka,
 * consumed by delivery-service running as its own process (production settings: 15 s
 * timeout, 512 attempts in flight, 32 per destination; loopback allowed), stored in
 * MongoDB, signed and posted to a local receiver that answers 204 at once. Prints
 * deliveries per second and the time from each result event to its first attempt, next to
 * baselines measured in the same run: the receiver's own throughput from a plain HTTP
 * client loop, and one Kafka hop on the same broker.
 *
 * <p>
 * Four runs, each against a fresh service process and a fresh in-memory MongoDB, each
 * after a warm-up: a burst (all results published at once), a steady rate, and both again
 * with a destination that never answers receiving every tenth result.
 *
 * <p>
 * Usage: {@code bench/run delivery [--jar PATH] [BURST RATE SECONDS]} (defaults: 5000 200
 * 20; the jar defaults to the one built in {@code delivery-service/target}).
 */
public final class DeliveryBenchmark {

	private static final int DEFAULT_BURST = 5000;

	private static final int DEFAULT_RATE = 200;

	private static final int DEFAULT_SECONDS = 20;

	private static final int WARM_UP = 3000;

	private static final Duration WARM_UP_PACED = Duration.ofSeconds(15);

	private static final Duration QUIET_WINDOW = Duration.ofSeconds(2);

	private static final double QUIET_SHARE = 0.05;

	private static final Duration QUIET_LIMIT = Duration.ofSeconds(90);

	/** As many callers as the service's attempts in flight per destination. */
	private static final int RAW_CALLERS = 32;

	private static final int KAFKA_HOPS = 500;

	private static final Duration LIMIT = Duration.ofMinutes(2);

	private static final String RAW_BODY = "{\"type\":\"execution.completed\",\"padding\":\"" + "x".repeat(300) + "\"}";

	private final Path jar;

	private final Path work;

	private final int burst;

	private final int rate;

	private final Duration duration;

	private DeliveryBenchmark(Path jar, Path work, int burst, int rate, Duration duration) {
		this.jar = jar;
		this.work = work;
		this.burst = burst;
		this.rate = rate;
		this.duration = duration;
	}

	public static void main(String[] args) throws Exception {
		List<String> rest = new ArrayList<>(List.of(args));
		int jarOption = rest.indexOf("--jar");
		Path jar = (jarOption >= 0) ? Path.of(rest.get(jarOption + 1)) : builtJar();
		if (jarOption >= 0) {
			rest.subList(jarOption, jarOption + 2).clear();
		}
		int burst = (rest.size() > 0) ? Integer.parseInt(rest.get(0)) : DEFAULT_BURST;
		int rate = (rest.size() > 1) ? Integer.parseInt(rest.get(1)) : DEFAULT_RATE;
		int seconds = (rest.size() > 2) ? Integer.parseInt(rest.get(2)) : DEFAULT_SECONDS;
		Path work = Files.createTempDirectory("flowgate-delivery-bench-");
		new DeliveryBenchmark(jar, work, burst, rate, Duration.ofSeconds(seconds)).run();
	}

	private void run() throws Exception {
		System.out.printf("delivery-service %s; logs in %s%n", this.jar, this.work);
		try (KafkaBroker kafka = KafkaBroker.builder(this.work.resolve("kafka"))
			.topics(Topics.all())
			.stopWithParent(true)
			.build()
			.start(); CallbackReceiver answering = CallbackReceiver.answering()) {
			String bootstrap = kafka.bootstrapServers();
			List<Measured> runs = new ArrayList<>();
			for (boolean hanging : new boolean[] { false, true }) {
				String suffix = hanging ? ", + hanging destination" : ", answering receiver";
				runs.add(scenario(kafka, answering, hanging,
						(run) -> run.burst("burst of " + this.burst + suffix, this.burst)));
				runs.add(scenario(kafka, answering, hanging,
						(run) -> run.paced(this.rate + "/s for " + this.duration.toSeconds() + " s" + suffix, this.rate,
								this.duration)));
			}
			Latencies raw = receiverBaseline(answering);
			Latencies hop = KafkaRoundTrip.measure(bootstrap, KAFKA_HOPS);
			print(runs, raw, hop);
		}
	}

	/** One measurement against a fresh MongoDB and service process, after a warm-up. */
	private Measured scenario(KafkaBroker kafka, CallbackReceiver answering, boolean hanging, Measurement measurement)
			throws Exception {
		double loadBefore = loadAverage();
		try (EmbeddedMongo mongo = EmbeddedMongo.inMemory(0);
				DeliveryServiceProcess service = DeliveryServiceProcess.start(this.jar, kafka.bootstrapServers(),
						mongo.uri(), "flowgate_delivery_bench", this.work.resolve("delivery-service.log"));
				DeliveryRun run = new DeliveryRun(kafka.bootstrapServers(), answering, hanging)) {
			// Both kinds of load, then until C2 is done: measured while it was still
			// compiling, a fifth of the service's CPU was the compiler's.
			run.burst("warm-up", WARM_UP);
			run.paced("warm-up", this.rate, WARM_UP_PACED);
			Duration settled = service.awaitQuiet(QUIET_WINDOW, QUIET_SHARE, QUIET_LIMIT);
			System.out.printf("(warmed up; the service was quiet %d s after the warm-up)%n", settled.toSeconds());
			Map<String, Long> pids = new LinkedHashMap<>();
			pids.put("service", service.pid());
			pids.put("Kafka", kafka.pid());
			CpuTimes before = CpuTimes.of(pids);
			Latencies result = measurement.measure(run);
			CpuTimes used = CpuTimes.of(pids).minus(before);
			Measured measured = new Measured(result, used.per(result.nanos().length), loadBefore, loadAverage());
			System.out.println(measured.line());
			return measured;
		}
	}

	/** What the receiver takes from a plain HTTP client loop, without Flowgate. */
	private Latencies receiverBaseline(CallbackReceiver answering) throws Exception {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(answering.url("baseline")))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(RAW_BODY))
			.build();
		ClosedLoop.Call post = () -> {
			int status;
			try {
				status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			}
			catch (IOException ex) {
				// The JDK client may reuse a connection the JDK server has just closed.
				status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			}
			if (status != 204) {
				throw new IllegalStateException("The receiver answered " + status);
			}
		};
		ClosedLoop.run("warm-up", RAW_CALLERS, WARM_UP, LIMIT, post);
		return ClosedLoop.run("receiver from a plain HTTP client, " + RAW_CALLERS + " callers", RAW_CALLERS, this.burst,
				LIMIT, post);
	}

	private void print(List<Measured> runs, Latencies raw, Latencies hop) {
		System.out.printf(
				"%nCallback delivery, %d CPUs, Java %s; Kafka broker in its own JVM, mongo-java-server "
						+ "in memory; p50/p99: result event to first attempt%n",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
		runs.forEach((measured) -> System.out.println(measured.line()));
		System.out.println(raw.line());
		System.out.println(hop.line());
		Latencies burst = runs.get(0).result();
		Latencies paced = runs.get(1).result();
		System.out.printf("%nburst deliveries/s / receiver baseline /s = %.0f / %.0f = %.2f   (target >= 1000/s)%n",
				burst.perSecond(), raw.perSecond(), burst.perSecond() / raw.perSecond());
		System.out.printf("paced p99 event -> first attempt = %.1f ms; Kafka hop p99 = %.1f ms   (target < 1000 ms)%n",
				paced.p99(), hop.p99());
	}

	private static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	private static Path builtJar() {
		Path target = Path.of("delivery-service", "target").toAbsolutePath();
		try (var files = Files.list(target)) {
			return files.filter((path) -> path.getFileName().toString().matches("delivery-service-[^-]+.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No jar in " + target + ": build delivery-service first"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No " + target + ": build delivery-service first", ex);
		}
	}

	private interface Measurement {

		Latencies measure(DeliveryRun run) throws Exception;

	}

	/**
	 * @param cpuPerDelivery CPU time per measured delivery: the service process, this JVM
	 * (MongoDB, receivers, publisher) and the broker
	 */
	private record Measured(Latencies result, CpuTimes cpuPerDelivery, double loadBefore, double loadAfter) {

		String line() {
			return "%s   CPU ms/delivery: %s   load %.1f -> %.1f".formatted(this.result.line(),
					this.cpuPerDelivery.millis(), this.loadBefore, this.loadAfter);
		}

	}

}
