package dev.flowgate.infra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

import dev.flowgate.infra.ManagedProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service processes of a local stack: one per service, plus any replicas a test adds.
 */
public final class ServiceFleet {

	private static final Logger log = LoggerFactory.getLogger(ServiceFleet.class);

	// Generous: on two busy cores five Spring Boot JVMs can take minutes to start.
	private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);

	private static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);

	private final StackOptions options;

	private final IntFunction<Map<String, String>> environment;

	private final Map<String, Instance> instances = new ConcurrentHashMap<>();

	ServiceFleet(StackOptions options, IntFunction<Map<String, String>> environment) {
		this.options = options;
		this.environment = environment;
	}

	void startAll() {
		for (Service service : Service.values()) {
			start(service, service.module(), service.port(this.options.ports()), Map.of());
		}
	}

	void awaitReady() {
		this.instances.values().forEach(this::awaitReady);
	}

	/**
	 * Starts another process of a service, e.g. a second gateway, and waits until it is
	 * ready.
	 */
	public void startReplica(Service service, String name, int port, Map<String, String> extraEnv) {
		awaitReady(start(service, name, port, extraEnv));
	}

	/** Graceful stop (SIGTERM), as a deployment would. */
	public void stop(String name) {
		Instance instance = this.instances.remove(name);
		if (instance != null) {
			instance.process().stop();
			deletePidFile(name);
		}
	}

	/** {@code kill -9}: no shutdown hooks, no goodbyes. */
	public void kill(String name) {
		Instance instance = this.instances.remove(name);
		if (instance != null) {
			ProcessHandle.of(instance.process().pid()).ifPresent(ProcessHandle::destroyForcibly);
			instance.process().awaitExit(READY_TIMEOUT);
			deletePidFile(name);
		}
	}

	/** Starts a stopped or killed process again with its earlier settings. */
	public void restart(String name) {
		Instance old = this.instances.get(name);
		if (old != null) {
			stop(name);
		}
		Instance spec = (old != null) ? old : defaultInstance(name);
		awaitReady(start(spec.service(), name, spec.port(), spec.extraEnv()));
	}

	public List<String> names() {
		return new ArrayList<>(this.instances.keySet());
	}

	/** The HTTP port of a running service or replica. */
	public int port(String name) {
		return running(name).port();
	}

	/** The operating system's process id of a running service or replica. */
	public long pid(String name) {
		return running(name).process().pid();
	}

	private Instance running(String name) {
		Instance instance = this.instances.get(name);
		if (instance == null) {
			throw new IllegalArgumentException("No service named " + name + " runs; running: " + names());
		}
		return instance;
	}

	public Path logFile(String name) {
		return this.options.logs().resolve(name + ".log");
	}

	void stopAll() {
		// The gateway first, so no new work arrives while the others stop.
		List<String> names = names();
		names.sort((a, b) -> Boolean.compare(!a.startsWith("api-gateway"), !b.startsWith("api-gateway")));
		names.parallelStream().forEach(this::stop);
	}

	/** Reports a process that died, with the end of its log, until the stack stops. */
	void watch() {
		Thread watcher = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				this.instances.forEach((name, instance) -> {
					if (!instance.process().isAlive() && this.instances.remove(name, instance)) {
						log.error("{} stopped unexpectedly (exit {}); last lines of {}:%n{}".formatted(name,
								instance.process().exitCode().orElse(-1), logFile(name),
								instance.process().logTail(40)));
					}
				});
				try {
					Thread.sleep(WATCH_INTERVAL.toMillis());
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "flowgate-watch");
		watcher.setDaemon(true);
		watcher.start();
	}

	private Instance start(Service service, String name, int port, Map<String, String> extraEnv) {
		Path jar = jar(service);
		List<String> launch = this.options.sharedClasses()
				? new ClassDataCache(this.options.classData()).launch(name, jar) : List.of("-jar", jar.toString());
		List<String> command = ServiceCommand.of(service, this.options, launch, ManagedProcess.canLowerPriority());
		Map<String, String> env = new java.util.LinkedHashMap<>(this.environment.apply(port));
		env.putAll(extraEnv);
		ManagedProcess process = ManagedProcess.start(name, command, env, logFile(name));
		Instance instance = new Instance(service, name, port, extraEnv, process);
		this.instances.put(name, instance);
		writePidFile(name, process.pid());
		return instance;
	}

	private void awaitReady(Instance instance) {
		instance.process()
			.awaitHttpOk(URI.create("http://127.0.0.1:" + instance.port() + "/actuator/health/readiness"),
					READY_TIMEOUT);
	}

	private Instance defaultInstance(String name) {
		for (Service service : Service.values()) {
			if (service.module().equals(name)) {
				return new Instance(service, name, service.port(this.options.ports()), Map.of(), null);
			}
		}
		throw new IllegalArgumentException("No process named " + name);
	}

	private Path jar(Service service) {
		Path target = this.options.root().resolve(service.module()).resolve("target");
		try (var files = Files.list(target)) {
			return files.filter((p) -> p.getFileName().toString().matches(service.module() + "-[^-]+.*\\.jar"))
				.filter((p) -> !p.getFileName().toString().endsWith("-plain.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"No jar in " + target + ": build first (./mvnw -DskipTests package)"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No " + target + ": build first (./mvnw -DskipTests package)", ex);
		}
	}

	private void writePidFile(String name, long pid) {
		try {
			Files.createDirectories(this.options.pids());
			Files.writeString(this.options.pids().resolve(name + ".pid"), Long.toString(pid));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void deletePidFile(String name) {
		try {
			Files.deleteIfExists(this.options.pids().resolve(name + ".pid"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Instance(Service service, String name, int port, Map<String, String> extraEnv,
			ManagedProcess process) {
	}

}
