package dev.flowgate.delivery.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.flowgate.contracts.Topics;
import dev.flowgate.delivery.DeliveryServiceApplication;
import dev.flowgate.infra.KafkaTopics;
import dev.flowgate.infra.test.TestInfrastructure;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Callback throughput and latency, end to end: results published to Kafka, consumed by
 * delivery-service (production settings, loopback allowed), signed and posted to a local
 * receiver. Four runs, each against a fresh service and database: a burst (deliveries per
 * second, and the time from result event to first attempt including the queue), a steady
 * rate (that time without a queue), and both again with one destination that never
 * answers (15 s timeout) receiving every tenth result.
 *
 * <p>
 * Not part of the test suite. Run it with
 *
 * <pre>
 * ./mvnw -q -pl delivery-service test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.flowgate.delivery.bench.DeliveryBenchmark \
 *     [-Dexec.args="BURST RATE SECONDS"]   (defaults: 2000 100 20)
 * </pre>
 *
 * By default Kafka and MongoDB are the embedded test servers; {@code -Dbench.kafka=...}
 * and {@code -Dbench.mongo=mongodb://...} use real ones instead.
 */
public final class DeliveryBenchmark {

	private static final int DEFAULT_BURST = 2000;

	private static final int DEFAULT_RATE = 100;

	private static final int DEFAULT_SECONDS = 20;

	private static final int WARM_UP = 300;

	private DeliveryBenchmark() {
	}

	public static void main(String[] args) {
		int status = 1;
		try {
			int burst = (args.length > 0) ? Integer.parseInt(args[0]) : DEFAULT_BURST;
			int rate = (args.length > 1) ? Integer.parseInt(args[1]) : DEFAULT_RATE;
			int seconds = (args.length > 2) ? Integer.parseInt(args[2]) : DEFAULT_SECONDS;
			measure(burst, rate, Duration.ofSeconds(seconds));
			status = 0;
		}
		catch (Exception ex) {
			ex.printStackTrace();
		}
		// The embedded servers keep threads alive; exec:java would wait for them forever.
		System.exit(status);
	}

	private static void measure(int burst, int rate, Duration duration) throws Exception {
		Servers servers = Servers.choose();
		Map<String, BenchmarkRun.Result> results = new LinkedHashMap<>();
		int database = 0;
		for (boolean hanging : new boolean[] { false, true }) {
			String suffix = hanging ? ", + 1 destination timing out after 15 s" : ", 1 receiver";
			try (ConfigurableApplicationContext service = start(servers, ++database);
					BenchmarkRun run = new BenchmarkRun(servers.kafka(), hanging)) {
				run.burst(WARM_UP);
				results.put("burst of " + burst + suffix, run.burst(burst));
			}
			try (ConfigurableApplicationContext service = start(servers, ++database);
					BenchmarkRun run = new BenchmarkRun(servers.kafka(), hanging)) {
				run.burst(WARM_UP);
				results.put(rate + "/s for " + duration.toSeconds() + " s" + suffix, run.paced(rate, duration));
			}
		}
		System.out.printf("%nCallback delivery on %d CPUs, Kafka and MongoDB: %s%n",
				Runtime.getRuntime().availableProcessors(), servers.description());
		System.out.printf("%-58s %8s %14s %9s %9s%n", "run", "results", "deliveries/s", "p50 ms", "p99 ms");
		results.forEach((name, result) -> result.print(name));
	}

	/** delivery-service with its production settings, allowed to reach loopback. */
	private static ConfigurableApplicationContext start(Servers servers, int database) {
		// Command-line arguments, because they outrank application.yml.
		return new SpringApplicationBuilder(DeliveryServiceApplication.class).run("--server.port=0",
				"--spring.kafka.bootstrap-servers=" + servers.kafka(), "--spring.mongodb.uri=" + servers.mongo(),
				"--spring.mongodb.database=flowgate_delivery_bench_" + database, "--flowgate.internal-token=bench",
				"--flowgate.delivery.consumer-group=delivery-bench-" + database,
				"--flowgate.delivery.guard.allowed-cidrs=127.0.0.0/8", "--flowgate.delivery.dispatch.shutdown-grace=1s",
				"--logging.level.root=warn");
	}

	/** Where Kafka and MongoDB run. */
	private record Servers(String kafka, String mongo, String description) {

		static Servers choose() {
			String kafka = System.getProperty("bench.kafka");
			String mongo = System.getProperty("bench.mongo");
			if (kafka != null && mongo != null) {
				KafkaTopics.createMissing(kafka, Topics.all());
				return new Servers(kafka, mongo, kafka + ", " + mongo);
			}
			TestInfrastructure embedded = TestInfrastructure.get();
			return new Servers(embedded.kafkaBootstrapServers(), embedded.mongoUri(),
					"embedded test servers (KRaft broker, mongo-java-server in memory)");
		}

	}

}
