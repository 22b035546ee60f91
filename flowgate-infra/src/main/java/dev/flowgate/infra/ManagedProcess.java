package dev.flowgate.infra;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child process (a service, the Kafka broker) whose output goes to a log file. It is
 * stopped gracefully (SIGTERM, then a kill after a timeout, descendants included), and
 * when it dies unexpectedly the error carries the tail of its log. {@link #builder} can
 * also detach it from the terminal and bind it to this JVM's life
 * ({@link ProcessLauncher}).
 */
public final class ManagedProcess implements AutoCloseable {

	/** How long {@link #stop()} waits after SIGTERM before it kills. */
	public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(20);

	private static final Logger log = LoggerFactory.getLogger(ManagedProcess.class);

	// Enough for a stack trace with its causes.
	static final int TAIL_LINES = 100;

	private static final int ERROR_LINES = 20;

	private static final Duration REAP_WAIT = Duration.ofSeconds(2);

	private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

	private static final int LOGGED_TAIL_LINES = 30;

	private final String name;

	private final ProcessHandle handle;

	private final Process process;

	private final Path logFile;

	private final Duration stopTimeout;

	private final BooleanSupplier exitExpected;

	private volatile boolean stopping;

	ManagedProcess(String name, ProcessHandle handle, Process process, Path logFile, Duration stopTimeout,
			BooleanSupplier exitExpected) {
		this.name = name;
		this.handle = handle;
		this.process = process;
		this.logFile = logFile;
		this.stopTimeout = stopTimeout;
		this.exitExpected = exitExpected;
		handle.onExit().thenRun(this::reportUnexpectedExit);
	}

	/**
	 * Starts {@code command} with these extra environment variables; stdout and stderr
	 * are appended to {@code logFile}.
	 */
	public static ManagedProcess start(String name, List<String> command, Map<String, String> environment,
			Path logFile) {
		return builder(name, command).environment(environment).logFile(logFile).start();
	}

	/** A process to start with more settings than {@link #start} takes. */
	public static ProcessLauncher builder(String name, List<String> command) {
		return new ProcessLauncher(name, command);
	}

	/** Takes over a process started earlier (for example by a previous run). */
	public static Optional<ManagedProcess> attach(String name, long pid, Path logFile) {
		return ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.map((handle) -> new ManagedProcess(name, handle, null, logFile, DEFAULT_STOP_TIMEOUT, () -> false));
	}

	/**
	 * Whether {@code nice} is on the path (Linux, macOS), so a command can be started at
	 * a lower CPU priority by prefixing it.
	 */
	public static boolean canLowerPriority() {
		return ChildCommand.isOnPath("nice");
	}

	/** The {@code java} executable of the running JVM. */
	public static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	public String name() {
		return this.name;
	}

	public long pid() {
		return this.handle.pid();
	}

	public Path logFile() {
		return this.logFile;
	}

	public boolean isAlive() {
		return this.handle.isAlive();
	}

	/** The exit code, once a process this JVM started has exited. */
	public Optional<Integer> exitCode() {
		if (this.process == null || this.handle.isAlive()) {
			return Optional.empty();
		}
		try {
			// The handle can tell of the exit before this JVM has reaped the process.
			return this.process.waitFor(REAP_WAIT.toMillis(), TimeUnit.MILLISECONDS)
					? Optional.of(this.process.exitValue()) : Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	public String logTail(int lines) {
		return LogTail.of(this.logFile, lines);
	}

	/**
	 * Throws a {@link ProcessDiedException} with the log tail if the process has exited.
	 */
	public void checkAlive() {
		if (!isAlive()) {
			throw died();
		}
	}

	/** Waits until a GET of {@code url} answers 2xx, for example a readiness endpoint. */
	public void awaitHttpOk(URI url, Duration timeout) {
		awaitCondition("GET " + url + " answers 2xx", timeout, new HttpProbe(url)::answersOk);
	}

	/**
	 * Polls {@code condition} until it holds; fails fast with the log tail if the process
	 * dies, and with the log tail after {@code timeout}.
	 */
	public void awaitCondition(String description, Duration timeout, BooleanSupplier condition) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			checkAlive();
			if (condition.getAsBoolean()) {
				return;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(
						this.name + " (pid " + pid() + "): not the case within " + timeout + " that " + description
								+ "\n--- last lines of " + this.logFile + " ---\n" + logTail(TAIL_LINES));
			}
			ProcessTree.sleep(POLL_INTERVAL);
		}
	}

	/**
	 * Waits until the process exits by itself (a tool, a batch job) and returns its exit
	 * code; fails with the log tail after {@code timeout}.
	 */
	public int awaitExit(Duration timeout) {
		this.stopping = true;
		if (!ProcessTree.awaitExit(this.handle, timeout)) {
			this.stopping = false;
			throw new IllegalStateException(this.name + " (pid " + pid() + ") still runs after " + timeout
					+ "\n--- last lines of " + this.logFile + " ---\n" + logTail(TAIL_LINES));
		}
		return (this.process != null) ? waitFor(this.process) : 0;
	}

	/**
	 * Stops gracefully, waiting the stop timeout it was started with
	 * ({@link #DEFAULT_STOP_TIMEOUT} unless set) before it kills.
	 * @return whether it exited within that time, without a kill
	 */
	public boolean stop() {
		return stop(this.stopTimeout);
	}

	/**
	 * SIGTERM to the process and its descendants, then SIGKILL after {@code timeout}.
	 * @return whether they exited within {@code timeout}, without a kill
	 */
	public boolean stop(Duration timeout) {
		this.stopping = true;
		ProcessTree tree = ProcessTree.of(this.handle);
		if (tree.terminate(timeout)) {
			return true;
		}
		log.warn("{} (pid {}) did not stop within {}; killing it", this.name, pid(), timeout);
		tree.kill();
		return false;
	}

	@Override
	public void close() {
		stop();
	}

	@Override
	public String toString() {
		return this.name + " (pid " + pid() + ", log " + this.logFile + ")";
	}

	private ProcessDiedException died() {
		String code = exitCode().map((c) -> " with code " + c).orElse("");
		return new ProcessDiedException(this.name + " (pid " + pid() + ") exited" + code + "; log " + this.logFile,
				LogTail.errors(this.logFile, ERROR_LINES), logTail(TAIL_LINES));
	}

	private void reportUnexpectedExit() {
		if (!this.stopping && !this.exitExpected.getAsBoolean()) {
			String code = exitCode().map((c) -> " with code " + c).orElse("");
			log.error("{} (pid {}) exited unexpectedly{}; last lines of {}:\n{}", this.name, pid(), code, this.logFile,
					logTail(LOGGED_TAIL_LINES));
		}
	}

	private static int waitFor(Process process) {
		try {
			return process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
