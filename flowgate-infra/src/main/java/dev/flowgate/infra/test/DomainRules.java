package dev.flowgate.infra.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The architecture's rule for a service's {@code domain} package: plain Java, tested
 * without a context, so no Spring, Kafka, MongoDB or servlet types in it.
 */
public final class DomainRules {

	private static final List<String> FRAMEWORKS = List.of("org.springframework.", "org.apache.kafka.", "com.mongodb.",
			"org.bson.", "jakarta.servlet.");

	private DomainRules() {
	}

	/**
	 * Every line of code under {@code domain} (a source folder) that names a framework
	 * type, as {@code File.java:12: import org.springframework…}; comments do not count.
	 */
	public static List<String> frameworkTypesIn(Path domain) {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(domain)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).sorted().toList()) {
				List<String> lines = Files.readAllLines(file);
				for (int i = 0; i < lines.size(); i++) {
					String code = lines.get(i).strip();
					if (!isComment(code) && FRAMEWORKS.stream().anyMatch(code::contains)) {
						found.add(domain.relativize(file) + ":" + (i + 1) + ": " + code);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return found;
	}

	private static boolean isComment(String line) {
		return line.startsWith("*") || line.startsWith("/*") || line.startsWith("//");
	}

}
