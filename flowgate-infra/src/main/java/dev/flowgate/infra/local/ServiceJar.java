package dev.flowgate.infra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A service's boot jar as the build left it in {@code <module>/target}. */
final class ServiceJar {

	private ServiceJar() {
	}

	/** The boot jar, not the {@code -plain} one; fails if the module is not built. */
	static Path find(Path root, Service service) {
		Path target = root.resolve(service.module()).resolve("target");
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

}
