package dev.flowgate.infra.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

import dev.flowgate.infra.ManagedProcess;
import dev.flowgate.infra.PidFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service processes of a local stack: one per service, plus any replicas a test adds.
 * Each runs in a session of its own, so a terminal's Ctrl-C reaches only the launcher
 * (which stops them in order), and stops by itself when the launcher is gone, even
 * killed.
 */
public final class ServiceFleet {

	private static final Logger log = LoggerFactory.getLogger(ServiceFleet.class);

	// Generous: on two busy cores five Spring Boot JVMs can take minutes to start.
	private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);

	private final StackOptions options;

	private final IntFunction<Map<String, String>> environment;

	private final BooleanSupplier stackStopping;

	private final ClassDataSharing classData;

	private final Map<String, ServiceInstance> instances = new ConcurrentHashMap<>();

	// Written under the fleet's lock, with the starts it refuses.
	private volatile boolean closed;

	ServiceFleet(StackOptions options, IntFunction<Map<String, String>> environment) {
		this(options, environment, () -> false);
	}

	/**
	 * @param stackStopping whether the whole stack stops, so that a service's exit is no
	 * error to report
	 */
	ServiceFleet(StackOptions options, IntFunction<Map<String, String>> environment, BooleanSupplier stackStopping) {
		this.options = options;
		this.environment = environment;
		this.stackStopping = stackStopping;
		this.classData = new ClassDataSharing(options.sharedClasses(), options.classData());
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
		ServiceInstance instance = this.instances.remove(name);
		if (instance != null) {
			long stopping = System.nanoTime();
			boolean inTime = instance.process().stop();
			if (this.classData.stopped(name, instance.process(), instance.writesArchive(), inTime)) {
				log.info("{} wrote its class-data archive as it stopped, in {} ms", name,
						TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping));
			}
			deletePidFile(name);
		}
	}

	/** {@code kill -9}: no shutdown hooks, no goodbyes. */
	public void kill(String name) {
		ServiceInstance instance = this.instances.remove(name);
		if (instance != null) {
			ProcessHandle.of(instance.process().pid()).ifPresent(ProcessHandle::destroyForcibly);
			instance.process().awaitExit(READY_TIMEOUT);
			this.classData.forget(instance.process());
			deletePidFile(name);
		}
	}

	/** Starts a stopped or killed process again with its earlier settings. */
	public void restart(String name) {
		ServiceInstance old = this.instances.get(name);
		if (old != null) {
			stop(name);
		}
		startAgain((old != null) ? old : ServiceInstance.unstarted(name, this.options.ports()));
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

	private ServiceInstance running(String name) {
		ServiceInstance instance = this.instances.get(name);
		if (instance == null) {
			throw new IllegalArgumentException("No service named " + name + " runs; running: " + names());
		}
		return instance;
	}

	public Path logFile(String name) {
		return this.options.logs().resolve(name + ".log");
	}

	/**
	 * Stops every process for good, the gateway first so that no new work arrives while
	 * the others stop, then the others together; a start under way or later fails.
	 */
	void stopAll() {
		List<ServiceInstance> all;
		synchronized (this) {
			this.closed = true;
			all = new ArrayList<>(this.instances.values());
		}
		stopTogether(all.stream().filter((i) -> i.service() == Service.API_GATEWAY).toList());
		stopTogether(all.stream().filter((i) -> i.service() != Service.API_GATEWAY).toList());
	}

	/**
	 * Forgets the processes that died (each {@link ManagedProcess} has reported its own,
	 * with the end of its log), so that their pid files go.
	 * @return what each of them was, to start again
	 */
	List<ServiceInstance> forgetDied() {
		List<ServiceInstance> died = new ArrayList<>();
		this.instances.forEach((name, instance) -> {
			if (!instance.process().isAlive() && this.instances.remove(name, instance)) {
				this.classData.forget(instance.process());
				deletePidFile(name);
				died.add(instance);
			}
		});
		return died;
	}

	/** Starts a process that died again as it was, and waits until it is ready. */
	void startAgain(ServiceInstance died) {
		awaitReady(start(died.service(), died.name(), died.port(), died.extraEnv()));
	}

	boolean isClosed() {
		return this.closed;
	}

	private void stopTogether(List<ServiceInstance> instances) {
		List<Thread> stoppers = instances.stream()
			.map((instance) -> new Thread(() -> stop(instance.name()), "stop-" + instance.name()))
			.toList();
		stoppers.forEach(Thread::start);
		for (Thread stopper : stoppers) {
			try {
				stopper.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private ServiceInstance start(Service service, String name, int port, Map<String, String> extraEnv) {
		requireOpen();
		List<String> launch = this.classData.launch(name, ServiceJar.find(this.options.root(), service));
		boolean writesArchive = this.classData.writesArchive(name);
		List<String> command = ServiceCommand.of(this.options, launch);
		Map<String, String> env = new LinkedHashMap<>(this.environment.apply(port));
		env.putAll(extraEnv);
		synchronized (this) {
			// Again under stopAll's lock: a process started after it looked would outlive
			// the stack.
			requireOpen();
			ManagedProcess process = ManagedProcess.builder(name, command)
				.environment(env)
				.withoutInherited(this.options.uninheritedPrefixes())
				.logFile(logFile(name))
				.ownSession(true)
				.stopWithParent(true)
				.niceness(service.niceness())
				.stopTimeout(ClassDataSharing.stopTimeout(writesArchive))
				.exitExpectedWhile(() -> this.closed || this.stackStopping.getAsBoolean())
				.start();
			ServiceInstance instance = new ServiceInstance(service, name, port, extraEnv, writesArchive, process);
			this.instances.put(name, instance);
			writePidFile(name, process.pid());
			return instance;
		}
	}

	private void requireOpen() {
		if (this.closed) {
			throw new IllegalStateException("The services are stopping: no new process starts");
		}
	}

	private void awaitReady(ServiceInstance instance) {
		instance.process().awaitHttpOk(instance.readinessUrl(), READY_TIMEOUT);
		this.classData.ready(instance.process());
	}

	private void writePidFile(String name, long pid) {
		PidFile.write(this.options.pids().resolve(name + ".pid"), pid);
	}

	private void deletePidFile(String name) {
		PidFile.delete(this.options.pids().resolve(name + ".pid"));
	}

}
