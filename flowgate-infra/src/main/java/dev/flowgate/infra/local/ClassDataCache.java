package dev.flowgate.infra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.flowgate.infra.ManagedProcess;

/**
 * Class-data sharing for the local run. Five Spring Boot JVMs starting at once on two
 * cores spend most of their time loading classes; started from an extracted jar with an
 * archive of the classes the previous run loaded (dynamic CDS, JDK 13+), they start
 * markedly faster. The first run after a build writes the archive when the service stops
 * gracefully; a new jar or JDK starts over. The JVM writes it under a temporary name, and
 * it is kept only once that JVM exited cleanly: a JVM killed while writing its archive
 * leaves a truncated file, which a later JVM would ignore without a word (its CDS logging
 * is off), starting slowly every time.
 */
final class ClassDataCache {

	private static final String ARCHIVE = "classes.jsa";

	private static final String ARCHIVE_BEING_WRITTEN = ARCHIVE + ".part";

	private static final String STAMP = "source.stamp";

	private final Path dir;

	ClassDataCache(Path dir) {
		this.dir = dir;
	}

	/**
	 * JVM options and the jar to run instead of {@code -jar bootJar}.
	 * @param name the process name: each process has its own archive
	 */
	List<String> launch(String name, Path bootJar) {
		Path home = this.dir.resolve(name);
		String stamp = stampOf(bootJar);
		if (!stamp.equals(read(home.resolve(STAMP)))) {
			extract(bootJar, home);
			write(home.resolve(STAMP), stamp);
		}
		Path jar = home.resolve(bootJar.getFileName());
		String sharing = writesArchive(name) ? "-XX:ArchiveClassesAtExit=" + home.resolve(ARCHIVE_BEING_WRITTEN)
				: "-XX:SharedArchiveFile=" + home.resolve(ARCHIVE);
		// Without the archive the JVM warns and runs normally, so a stale one costs
		// nothing.
		return List.of(sharing, "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", jar.toString());
	}

	/** Whether the JVM started with {@link #launch} writes an archive when it exits. */
	boolean writesArchive(String name) {
		return !Files.isRegularFile(this.dir.resolve(name).resolve(ARCHIVE));
	}

	/**
	 * Keeps the archive the JVM of {@code name} wrote, for the next start. Only for a JVM
	 * that exited cleanly: one that was killed may have written half of it.
	 */
	void keepArchive(String name) {
		Path written = this.dir.resolve(name).resolve(ARCHIVE_BEING_WRITTEN);
		try {
			if (Files.isRegularFile(written) && Files.size(written) > 0) {
				Files.move(written, this.dir.resolve(name).resolve(ARCHIVE), StandardCopyOption.ATOMIC_MOVE,
						StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void extract(Path bootJar, Path home) {
		delete(home);
		List<String> command = List.of(ManagedProcess.javaExecutable(), "-Djarmode=tools", "-jar", bootJar.toString(),
				"extract", "--destination", home.toString());
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (process.waitFor() != 0) {
				throw new IllegalStateException("Could not extract " + bootJar + " (exit " + process.exitValue() + ")");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted extracting " + bootJar, ex);
		}
	}

	private static String stampOf(Path jar) {
		try {
			return jar.getFileName() + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis() + " "
					+ Runtime.version();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.isRegularFile(file) ? Files.readString(file) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Path file, String text) {
		try {
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
