package dev.flowgate.infra;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Which broker runs on a data directory ({@code broker.state}), so that a later start
 * reuses it instead of failing on the locked directory.
 */
record BrokerState(long pid, int port, int controllerPort) {

	private static final String FILE = "broker.state";

	static Optional<BrokerState> read(Path dataDir) {
		Path file = dataDir.resolve(FILE);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		Properties properties = new Properties();
		try (Reader in = Files.newBufferedReader(file)) {
			properties.load(in);
			return Optional.of(new BrokerState(Long.parseLong(properties.getProperty("pid")),
					Integer.parseInt(properties.getProperty("port")),
					Integer.parseInt(properties.getProperty("controllerPort"))));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	void write(Path dataDir) {
		Properties properties = new Properties();
		properties.setProperty("pid", Long.toString(this.pid));
		properties.setProperty("port", Integer.toString(this.port));
		properties.setProperty("controllerPort", Integer.toString(this.controllerPort));
		try (Writer out = Files.newBufferedWriter(dataDir.resolve(FILE))) {
			properties.store(out, "Kafka broker running on this directory");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void delete(Path dataDir) {
		try {
			Files.deleteIfExists(dataDir.resolve(FILE));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
