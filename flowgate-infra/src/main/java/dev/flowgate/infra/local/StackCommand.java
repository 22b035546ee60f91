package dev.flowgate.infra.local;

import java.nio.file.Path;

/**
 * {@code LocalStack up [--root DIR] [--run-dir DIR] [--detached]}.
 *
 * @param detached whether the launcher runs in the background ({@code ./flowgate up -d}),
 * so that Ctrl-C cannot stop it
 */
record StackCommand(Path root, Path runDir, boolean detached) {

	static StackCommand parse(String[] args) {
		Path root = Path.of(".");
		Path runDir = null;
		boolean detached = false;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "up" -> {
				}
				case "--root" -> root = Path.of(args[++i]);
				case "--run-dir" -> runDir = Path.of(args[++i]);
				case "--detached" -> detached = true;
				default -> throw new IllegalArgumentException(
						"Unknown argument " + args[i] + "; usage: up [--root DIR] [--run-dir DIR] [--detached]");
			}
		}
		root = root.toAbsolutePath().normalize();
		return new StackCommand(root, (runDir != null) ? runDir.toAbsolutePath() : root.resolve("run"), detached);
	}

}
