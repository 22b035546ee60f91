package dev.flowgate.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings of a {@link ManagedProcess} to start, and its start: the command line (with a
 * session of its own and a watchdog in front where asked, {@link ChildCommand}), the
 * environment and the log file its output is appended to.
 */
public final class ProcessLauncher {

	private static final Logger log = LoggerFactory.getLogger(ProcessLauncher.class);

	private final String name;

	private final List<String> command;

	private Map<String, String> environment = Map.of();

	private List<String> uninheritedPrefixes = List.of();

	private Path logFile;

	private boolean ownSession;

	private boolean stopWithParent;

	private int niceness;

	private Duration stopTimeout = ManagedProcess.DEFAULT_STOP_TIMEOUT;

	private BooleanSupplier exitExpected = () -> false;

	ProcessLauncher(String name, List<String> command) {
		this.name = name;
		this.command = List.copyOf(command);
	}

	/** Extra environment variables. */
	public ProcessLauncher environment(Map<String, String> environment) {
		this.environment = Map.copyOf(environment);
		return this;
	}

	/**
	 * Leaves out the variables of this JVM's environment whose names start with one of
	 * {@code prefixes}: settings its user exported for something else.
	 */
	public ProcessLauncher withoutInherited(List<String> prefixes) {
		this.uninheritedPrefixes = List.copyOf(prefixes);
		return this;
	}

	/** Where stdout and stderr are appended; required. */
	public ProcessLauncher logFile(Path logFile) {
		this.logFile = logFile;
		return this;
	}

	/**
	 * Runs it in a session of its own ({@code setsid}, where there is one), so that a
	 * terminal's Ctrl-C reaches only this JVM, which stops it in its turn. Pair it with
	 * {@link #stopWithParent}: nothing else stops it then.
	 */
	public ProcessLauncher ownSession(boolean ownSession) {
		this.ownSession = ownSession;
		return this;
	}

	/**
	 * Sends it SIGTERM as soon as this JVM is gone, even when this JVM is killed, through
	 * a watchdog shell beside it (where there is a {@code sh}).
	 */
	public ProcessLauncher stopWithParent(boolean stopWithParent) {
		this.stopWithParent = stopWithParent;
		return this;
	}

	/**
	 * Runs it at a lower CPU priority, by this nice increment (where there is a
	 * {@code nice}); in a session of its own, the session's priority is lowered too
	 * ({@link ChildCommand#sessionPriority}).
	 */
	public ProcessLauncher niceness(int niceness) {
		this.niceness = niceness;
		return this;
	}

	/** How long {@link ManagedProcess#stop()} waits after SIGTERM before it kills. */
	public ProcessLauncher stopTimeout(Duration stopTimeout) {
		this.stopTimeout = stopTimeout;
		return this;
	}

	/**
	 * While this holds, an exit is expected (say its whole group is stopping) and not
	 * reported as an error.
	 */
	public ProcessLauncher exitExpectedWhile(BooleanSupplier exitExpected) {
		this.exitExpected = exitExpected;
		return this;
	}

	public ManagedProcess start() {
		Objects.requireNonNull(this.logFile, "a log file");
		List<String> full = ChildCommand.of(this.command, this.ownSession, this.stopWithParent, this.niceness,
				ChildCommand::isOnPath);
		try {
			Files.createDirectories(this.logFile.toAbsolutePath().getParent());
			ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true)
				.redirectOutput(Redirect.appendTo(this.logFile.toFile()));
			builder.environment()
				.keySet()
				.removeIf((variable) -> this.uninheritedPrefixes.stream().anyMatch(variable::startsWith));
			builder.environment().putAll(this.environment);
			// stdin stays a pipe from this JVM: the watchdog waits for its end.
			Process process = builder.start();
			log.debug("Started {} (pid {}): {}", this.name, process.pid(), full);
			return new ManagedProcess(this.name, process.toHandle(), process, this.logFile, this.stopTimeout,
					this.exitExpected);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + this.name + ": " + full, ex);
		}
	}

}
