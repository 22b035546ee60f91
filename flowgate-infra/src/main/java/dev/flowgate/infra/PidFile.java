package dev.flowgate.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file holding a process id, for the {@code flowgate} script: {@code down} stops what a
 * killed launcher left behind by them, {@code status} lists them.
 */
public final class PidFile {

	private PidFile() {
	}

	public static void write(Path file, long pid) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, Long.toString(pid));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
