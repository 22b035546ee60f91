package dev.flowgate.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.flowgate.infra.ManagedProcess;
import dev.flowgate.infra.local.StackPorts;

/**
 * delivery-service as its own process ({@code java -jar}), with its production settings
 * except that callbacks may reach loopback, against the given Kafka and MongoDB.
 */
final class DeliveryServiceProcess implements AutoCloseable {

	private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC",
			"-XX:+ExitOnOutOfMemoryError");

	/** More JVM options for the service, e.g. to record a profile with JFR. */
	static final String EXTRA_JVM_OPTIONS = "BENCH_SERVICE_JVM_OPTIONS";

	// Generous: a Spring Boot JVM on two busy cores.
	private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

	private final ManagedProcess process;

	private DeliveryServiceProcess(ManagedProcess process) {
		this.process = process;
	}

	/**
	 * Starts the jar and waits until it is ready.
	 * @param database the MongoDB database, fresh for each run
	 */
	static DeliveryServiceProcess start(Path jar, String kafka, String mongoUri, String database, Path logFile) {
		int port = StackPorts.freePort();
		List<String> command = new ArrayList<>();
		command.add(ManagedProcess.javaExecutable());
		command.addAll(JVM_OPTIONS);
		String extra = System.getenv(EXTRA_JVM_OPTIONS);
		if (extra != null && !extra.isBlank()) {
			command.addAll(List.of(extra.trim().split("\\s+")));
		}
		command.addAll(List.of("-jar", jar.toString(), "--spring.mongodb.database=" + database,
				"--flowgate.delivery.dispatch.shutdown-grace=1s", "--logging.level.root=warn"));
		Map<String, String> env = Map.of("FLOWGATE_PORT", Integer.toString(port), "FLOWGATE_KAFKA_BOOTSTRAP", kafka,
				"FLOWGATE_MONGODB_URI", mongoUri, "FLOWGATE_INTERNAL_TOKEN", "bench", "FLOWGATE_DELIVERY_ALLOWED_CIDRS",
				"127.0.0.0/8");
		ManagedProcess process = ManagedProcess.start("delivery-service", command, env, logFile);
		try {
			process.awaitHttpOk(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"), READY_TIMEOUT);
		}
		catch (RuntimeException ex) {
			process.stop();
			throw ex;
		}
		return new DeliveryServiceProcess(process);
	}

	/**
	 * Waits until the process spends less than {@code share} of a core over a whole
	 * {@code window} (its JIT compiler done with what a warm-up made hot), at most
	 * {@code limit}.
	 * @return how long it waited
	 */
	Duration awaitQuiet(Duration window, double share, Duration limit) throws InterruptedException {
		long start = System.nanoTime();
		long quietBelow = (long) (window.toNanos() * share);
		Duration before = CpuTimes.cpu(pid());
		while (System.nanoTime() - start < limit.toNanos()) {
			Thread.sleep(window.toMillis());
			Duration now = CpuTimes.cpu(pid());
			if (now.minus(before).toNanos() < quietBelow) {
				break;
			}
			before = now;
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	long pid() {
		return this.process.pid();
	}

	/** Graceful stop: the consumer commits what it stored. */
	@Override
	public void close() {
		this.process.stop();
	}

}
