package dev.flowgate.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.flowgate.contracts.TopicSpec;

/**
 * A real single-node KRaft Kafka broker in its own JVM ({@code kafka.Kafka}, through
 * {@link BrokerMain}), listening on 127.0.0.1. {@link #start()} formats the storage on
 * first use, waits until the broker answers and creates the topics; a broker already
 * running on the same data directory is reused.
 */
public final class KafkaBroker implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

	// A port found free can be bound by another process before the broker binds it.
	private static final int LAUNCH_ATTEMPTS = 3;

	private static final String PORT_TAKEN = "address already in use";

	private final Path dataDir;

	private final Path logFile;

	private final int requestedPort;

	private final int requestedControllerPort;

	private final List<TopicSpec> topics;

	private final Duration startTimeout;

	private final Path pidFile;

	private final BrokerLauncher launcher;

	private final IntSupplier freePorts;

	private ManagedProcess process;

	private boolean closed;

	private int port;

	KafkaBroker(KafkaBrokerBuilder builder) {
		this.dataDir = builder.dataDir.toAbsolutePath();
		this.logFile = (builder.logFile != null) ? builder.logFile : this.dataDir.resolve("broker.log");
		this.requestedPort = builder.port;
		this.requestedControllerPort = builder.controllerPort;
		this.topics = List.copyOf(builder.topics);
		this.startTimeout = builder.startTimeout;
		this.pidFile = builder.pidFile;
		this.launcher = new BrokerLauncher(this.dataDir, this.logFile, builder.stopWithParent, builder.exitExpected);
		this.freePorts = builder.freePorts;
	}

	/** A broker keeping its data in {@code dataDir}; ports default to free ones. */
	public static KafkaBrokerBuilder builder(Path dataDir) {
		return new KafkaBrokerBuilder(dataDir);
	}

	/**
	 * Starts the broker (or reuses the one running on the data directory) and creates the
	 * topics.
	 * @throws IllegalStateException once {@link #close() closed}
	 */
	public KafkaBroker start() {
		long started = System.nanoTime();
		ManagedProcess starting = null;
		for (int attempt = 1; starting == null; attempt++) {
			starting = launchedAndReady(attempt);
		}
		log.info("Kafka broker ready at {} (pid {}, data {}, log {}) in {} ms", bootstrapServers(), starting.pid(),
				this.dataDir, this.logFile, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
		return this;
	}

	/**
	 * The broker, ready; null when it died on a port taken meanwhile and may try again.
	 */
	private ManagedProcess launchedAndReady(int attempt) {
		ManagedProcess starting;
		// Not held while waiting for the broker: stop() must not wait for a start.
		synchronized (this) {
			if (this.closed) {
				throw new IllegalStateException("The Kafka broker on " + this.dataDir + " is closed");
			}
			if (this.process != null && this.process.isAlive()) {
				return this.process;
			}
			starting = attachOrLaunch();
		}
		try {
			BrokerProbe.awaitReady(starting, this.port, this.startTimeout);
			KafkaTopics.declare(bootstrapServers(), this.topics);
			return starting;
		}
		catch (ProcessDiedException ex) {
			stop(); // a broker that never became usable must not linger
			if (attempt < LAUNCH_ATTEMPTS && picksItsPorts()
					&& ex.errorLines().toLowerCase(Locale.ROOT).contains(PORT_TAKEN)) {
				log.warn("A port picked for the Kafka broker was taken before it bound it; trying other ports");
				return null;
			}
			throw ex;
		}
		catch (RuntimeException ex) {
			stop();
			throw ex;
		}
	}

	/**
	 * Whether both ports were picked here; a port asked for stays taken when tried again.
	 */
	private boolean picksItsPorts() {
		return this.requestedPort == 0 && this.requestedControllerPort == 0;
	}

	public String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	public int port() {
		return this.port;
	}

	public Path logFile() {
		return this.logFile;
	}

	/** The broker's process id, once started. */
	public long pid() {
		return requireStarted().pid();
	}

	public synchronized boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	/** Throws a {@link ProcessDiedException} with the log tail if the broker has died. */
	public void checkAlive() {
		requireStarted().checkAlive();
	}

	/**
	 * Stops the broker gracefully (SIGTERM, then a kill after a timeout);
	 * {@link #start()} starts it again.
	 */
	public synchronized void stop() {
		if (this.process != null) {
			this.process.stop();
			BrokerState.delete(this.dataDir);
			if (this.pidFile != null) {
				PidFile.delete(this.pidFile);
			}
			log.info("Kafka broker at {} stopped", bootstrapServers());
			this.process = null;
		}
	}

	/** Stops the broker for good: a start that is under way or comes later fails. */
	@Override
	public synchronized void close() {
		this.closed = true;
		stop();
	}

	private ManagedProcess attachOrLaunch() {
		Optional<BrokerState> running = this.launcher.running();
		if (running.isPresent()) {
			this.port = running.get().port();
			this.process = this.launcher.attach(running.get());
			log.info("Reusing the Kafka broker at {} (pid {})", bootstrapServers(), this.process.pid());
		}
		else {
			launch();
		}
		if (this.pidFile != null) {
			PidFile.write(this.pidFile, this.process.pid());
		}
		return this.process;
	}

	private void launch() {
		this.port = orFree(this.requestedPort);
		int controllerPort = orFree(this.requestedControllerPort);
		this.process = this.launcher.launch(this.port, controllerPort);
		new BrokerState(this.process.pid(), this.port, controllerPort).write(this.dataDir);
	}

	private int orFree(int port) {
		return (port != 0) ? port : this.freePorts.getAsInt();
	}

	private ManagedProcess requireStarted() {
		if (this.process == null) {
			throw new IllegalStateException("The Kafka broker on " + this.dataDir + " is not started");
		}
		return this.process;
	}

}
