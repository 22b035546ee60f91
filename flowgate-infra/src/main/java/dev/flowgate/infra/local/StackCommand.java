package dev.flowgate.infra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code LocalStack up --root DIR --run-dir DIR}, and the files the {@code flowgate}
 * script watches.
 */
record StackCommand(Path root, Path runDir) {

	static StackCommand parse(String[] args) {
		Path root = Path.of(".");
		Path runDir = null;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "up" -> {
				}
				case "--root" -> root = Path.of(args[++i]);
				case "--run-dir" -> runDir = Path.of(args[++i]);
				default -> throw new IllegalArgumentException(
						"Unknown argument " + args[i] + "; usage: up [--root DIR] [--run-dir DIR]");
			}
		}
		root = root.toAbsolutePath().normalize();
		return new StackCommand(root, (runDir != null) ? runDir.toAbsolutePath() : root.resolve("run"));
	}

	void writePid() {
		write("flowgate.pid", Long.toString(ProcessHandle.current().pid()));
	}

	void markReady() {
		write("ready", "");
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
