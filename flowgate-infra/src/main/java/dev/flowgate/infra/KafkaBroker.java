package dev.flowgate.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.flowgate.contracts.TopicSpec;
import dev.flowgate.contracts.Topics;

/**
 * A real single-node KRaft Kafka broker in its own JVM ({@code kafka.Kafka}, through
 * {@link BrokerMain}), listening on 127.0.0.1. {@link #start()} formats the storage on
 * first use, waits until the broker answers and creates the topics; a broker already
 * running on the same data directory is reused.
 */
public final class KafkaBroker implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

	private static final String SERVER_PROPERTIES = "server.properties";

	private final Path dataDir;

	private final Path logFile;

	private final int requestedPort;

	private final int requestedControllerPort;

	private final List<TopicSpec> topics;

	private final Duration startTimeout;

	private final boolean stopWithParent;

	private final Path pidFile;

	private final BooleanSupplier exitExpected;

	private ManagedProcess process;

	private boolean closed;

	private int port;

	private KafkaBroker(Builder builder) {
		this.dataDir = builder.dataDir.toAbsolutePath();
		this.logFile = (builder.logFile != null) ? builder.logFile : this.dataDir.resolve("broker.log");
		this.requestedPort = builder.port;
		this.requestedControllerPort = builder.controllerPort;
		this.topics = List.copyOf(builder.topics);
		this.startTimeout = builder.startTimeout;
		this.stopWithParent = builder.stopWithParent;
		this.pidFile = builder.pidFile;
		this.exitExpected = builder.exitExpected;
	}

	/** A broker keeping its data in {@code dataDir}; ports default to free ones. */
	public static Builder builder(Path dataDir) {
		return new Builder(dataDir);
	}

	/**
	 * Starts the broker (or reuses the one running on the data directory) and creates the
	 * topics.
	 * @throws IllegalStateException once {@link #close() closed}
	 */
	public KafkaBroker start() {
		long started = System.nanoTime();
		ManagedProcess starting;
		// Not held while waiting for the broker: stop() must not wait for a start.
		synchronized (this) {
			if (this.closed) {
				throw new IllegalStateException("The Kafka broker on " + this.dataDir + " is closed");
			}
			if (this.process != null && this.process.isAlive()) {
				return this;
			}
			starting = attachOrLaunch();
		}
		try {
			awaitReady(starting);
			KafkaTopics.declare(bootstrapServers(), this.topics);
		}
		catch (RuntimeException ex) {
			stop(); // a broker that never became usable must not linger
			throw ex;
		}
		log.info("Kafka broker ready at {} (pid {}, data {}, log {}) in {} ms", bootstrapServers(), starting.pid(),
				this.dataDir, this.logFile, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
		return this;
	}

	public String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	public int port() {
		return this.port;
	}

	public Path dataDir() {
		return this.dataDir;
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
		Optional<BrokerState> running = BrokerState.read(this.dataDir).filter(this::isRunningHere);
		if (running.isPresent()) {
			this.port = running.get().port();
			this.process = ManagedProcess.attach("kafka-broker", running.get().pid(), this.logFile).orElseThrow();
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
		this.port = FreePort.orFree(this.requestedPort);
		int controllerPort = FreePort.orFree(this.requestedControllerPort);
		Path properties = this.dataDir.resolve(SERVER_PROPERTIES);
		Path logDir = this.dataDir.resolve("kraft");
		String classpath = BrokerClasspath.load();
		try {
			Files.createDirectories(logDir);
			Files.writeString(properties, BrokerConfig.render(this.port, controllerPort, logDir));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// Bound to this JVM, it needs no terminal's Ctrl-C: this JVM stops it, or
		// it stops by itself once this JVM is gone (BrokerMain).
		this.process = ManagedProcess
			.builder("kafka-broker", BrokerCommand.of(classpath, this.dataDir, properties, logDir, this.stopWithParent))
			.logFile(this.logFile)
			.ownSession(this.stopWithParent)
			.exitExpectedWhile(this.exitExpected)
			.start();
		new BrokerState(this.process.pid(), this.port, controllerPort).write(this.dataDir);
	}

	private void awaitReady(ManagedProcess starting) {
		starting.awaitCondition(bootstrapServers() + " accepts connections", this.startTimeout,
				() -> BrokerProbe.accepts(this.port));
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
			starting.awaitCondition(bootstrapServers() + " answers the admin API", this.startTimeout,
					() -> BrokerProbe.answers(admin));
		}
	}

	private boolean isRunningHere(BrokerState state) {
		// The pid may have been recycled: it must be a broker started on this very
		// directory.
		return ProcessHandle.of(state.pid())
			.filter((handle) -> BrokerCommand.isBrokerOn(handle, this.dataDir))
			.isPresent() && BrokerProbe.accepts(state.port());
	}

	private ManagedProcess requireStarted() {
		if (this.process == null) {
			throw new IllegalStateException("The Kafka broker on " + this.dataDir + " is not started");
		}
		return this.process;
	}

	/** Settings of a {@link KafkaBroker}. */
	public static final class Builder {

		private static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(90);

		private final Path dataDir;

		private Path logFile;

		private int port;

		private int controllerPort;

		private Collection<TopicSpec> topics = Topics.all();

		private Duration startTimeout = DEFAULT_START_TIMEOUT;

		private boolean stopWithParent;

		private Path pidFile;

		private BooleanSupplier exitExpected = () -> false;

		private Builder(Path dataDir) {
			this.dataDir = dataDir;
		}

		/** The PLAINTEXT port; 0 (the default) picks a free one. */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/** The KRaft controller port; 0 (the default) picks a free one. */
		public Builder controllerPort(int controllerPort) {
			this.controllerPort = controllerPort;
			return this;
		}

		/**
		 * Where the broker's output goes; defaults to {@code broker.log} in the data
		 * directory.
		 */
		public Builder logFile(Path logFile) {
			this.logFile = logFile;
			return this;
		}

		/** The topics to create; defaults to {@link Topics#all()}. */
		public Builder topics(Collection<TopicSpec> topics) {
			this.topics = topics;
			return this;
		}

		public Builder startTimeout(Duration startTimeout) {
			this.startTimeout = startTimeout;
			return this;
		}

		/**
		 * Makes the broker exit when this JVM does, even when it is killed, and runs it
		 * in a session of its own, so that a terminal's Ctrl-C reaches only this JVM
		 * (which then stops it in its turn); off by default, so that a later run can
		 * reuse the broker.
		 */
		public Builder stopWithParent(boolean stopWithParent) {
			this.stopWithParent = stopWithParent;
			return this;
		}

		/**
		 * A file that holds the broker's pid while it runs, for scripts that stop what a
		 * killed launcher left behind.
		 */
		public Builder pidFile(Path pidFile) {
			this.pidFile = pidFile;
			return this;
		}

		/**
		 * While this holds, the broker's exit is expected (its stack is stopping) and not
		 * reported as an error.
		 */
		public Builder exitExpectedWhile(BooleanSupplier exitExpected) {
			this.exitExpected = exitExpected;
			return this;
		}

		public KafkaBroker build() {
			return new KafkaBroker(this);
		}

	}

}
