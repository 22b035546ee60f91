package dev.flowgate.infra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files the {@code flowgate} script watches: the launcher's pid (from the start, so
 * that {@code down} can stop a start) and the marker that the stack is ready. Both go
 * when the launcher stops, so that no later process that gets the pid passes for it.
 */
final class LauncherFiles {

	private static final String PID = "flowgate.pid";

	private static final String READY = "ready";

	private final Path runDir;

	private final String pid = Long.toString(ProcessHandle.current().pid());

	private boolean removed;

	LauncherFiles(Path runDir) {
		this.runDir = runDir;
	}

	synchronized void writePid() {
		write(PID, this.pid);
	}

	/** Marks the stack ready, unless it stops already. */
	synchronized void markReady() {
		if (!this.removed) {
			write(READY, "");
		}
	}

	/** Removes both, unless the pid file names another launcher. */
	synchronized void remove() {
		this.removed = true;
		try {
			Path pidFile = this.runDir.resolve(PID);
			if (Files.isRegularFile(pidFile) && !Files.readString(pidFile).strip().equals(this.pid)) {
				return;
			}
			Files.deleteIfExists(this.runDir.resolve(READY));
			Files.deleteIfExists(pidFile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void write(String file, String content) {
		try {
			Files.createDirectories(this.runDir);
			Files.writeString(this.runDir.resolve(file), content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
