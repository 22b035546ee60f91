package dev.flowgate.infra;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The Kafka broker's classpath, written at build time by {@code maven-dependency-plugin}
 * (so Scala and the broker stay off the classpath of whoever uses this module).
 */
final class BrokerClasspath {

	/** Overrides the built-in list, for example for a packaged launcher. */
	static final String OVERRIDE_PROPERTY = "flowgate.kafka.classpath";

	private static final String RESOURCE = "/META-INF/flowgate/kafka-broker.classpath";

	private BrokerClasspath() {
	}

	static String load() {
		String classpath = System.getProperty(OVERRIDE_PROPERTY, read()).trim();
		List<String> missing = Arrays.stream(classpath.split(File.pathSeparator))
			.filter((entry) -> !Files.exists(Path.of(entry)))
			.toList();
		if (!missing.isEmpty()) {
			throw new IllegalStateException("Kafka broker jars are missing (build flowgate-infra on this machine, "
					+ "or set -D" + OVERRIDE_PROPERTY + "): " + missing);
		}
		return classpath;
	}

	private static String read() {
		try (InputStream in = BrokerClasspath.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is not on the classpath: build flowgate-infra with Maven");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
