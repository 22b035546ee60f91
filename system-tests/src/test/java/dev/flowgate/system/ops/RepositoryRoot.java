package dev.flowgate.system.ops;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's root, wherever Maven runs the tests from. */
final class RepositoryRoot {

	private RepositoryRoot() {
	}

	static Path find() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("k8s"))) {
				return dir;
			}
		}
		throw new IllegalStateException("no Flowgate checkout above " + Path.of("").toAbsolutePath());
	}

}
