package dev.flowgate.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Gets the broker's JVM on a data directory: takes over the one a previous start left
 * running there, or launches a new one with a fresh {@code server.properties}.
 */
final class BrokerLauncher {

	private static final String NAME = "kafka-broker";

	private static final String SERVER_PROPERTIES = "server.properties";

	private final Path dataDir;

	private final Path logFile;

	private final boolean stopWithParent;

	private final BooleanSupplier exitExpected;

	BrokerLauncher(Path dataDir, Path logFile, boolean stopWithParent, BooleanSupplier exitExpected) {
		this.dataDir = dataDir;
		this.logFile = logFile;
		this.stopWithParent = stopWithParent;
		this.exitExpected = exitExpected;
	}

	/** The broker that runs on the data directory, if one does. */
	Optional<BrokerState> running() {
		return BrokerState.read(this.dataDir).filter(this::isRunningHere);
	}

	ManagedProcess attach(BrokerState running) {
		return ManagedProcess.attach(NAME, running.pid(), this.logFile).orElseThrow();
	}

	/**
	 * Starts a broker on these ports; the caller records it in its {@link BrokerState}.
	 */
	ManagedProcess launch(int port, int controllerPort) {
		Path properties = this.dataDir.resolve(SERVER_PROPERTIES);
		Path logDir = this.dataDir.resolve("kraft");
		String classpath = BrokerClasspath.load();
		try {
			Files.createDirectories(logDir);
			Files.writeString(properties, BrokerConfig.render(port, controllerPort, logDir));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// Bound to this JVM, it needs no terminal's Ctrl-C: this JVM stops it, or
		// it stops by itself once this JVM is gone (BrokerMain).
		return ManagedProcess
			.builder(NAME, BrokerCommand.of(classpath, this.dataDir, properties, logDir, this.stopWithParent))
			.logFile(this.logFile)
			.ownSession(this.stopWithParent)
			.exitExpectedWhile(this.exitExpected)
			.start();
	}

	private boolean isRunningHere(BrokerState state) {
		// The pid may have been recycled: it must be a broker started on this very
		// directory.
		return ProcessHandle.of(state.pid())
			.filter((handle) -> BrokerCommand.isBrokerOn(handle, this.dataDir))
			.isPresent() && BrokerProbe.accepts(state.port());
	}

}
