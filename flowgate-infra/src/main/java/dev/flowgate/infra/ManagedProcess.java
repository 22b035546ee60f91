package dev.flowgate.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child process (a service, the Kafka broker) whose output goes to a log file. It is
 * stopped gracefully (SIGTERM, then a kill after a timeout, descendants included), and
 * when it dies unexpectedly the error carries the tail of its log.
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

	private static final Duration EXIT_POLL_INTERVAL = Duration.ofMillis(20);

	private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(2);

	private static final Duration KILL_WAIT = Duration.ofSeconds(5);

	private final String name;

	private final ProcessHandle handle;

	private final Process process;

	private final Path logFile;

	private volatile boolean stopping;

	private ManagedProcess(String name, ProcessHandle handle, Process process, Path logFile) {
		this.name = name;
		this.handle = handle;
		this.process = process;
		this.logFile = logFile;
		handle.onExit().thenRun(this::reportUnexpectedExit);
	}

	/**
	 * Starts {@code command} with these extra environment variables; stdout and stderr
	 * are appended to {@code logFile}.
	 */
	public static ManagedProcess start(String name, List<String> command, Map<String, String> environment,
			Path logFile) {
		try {
			Files.createDirectories(logFile.toAbsolutePath().getParent());
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(Redirect.appendTo(logFile.toFile()));
			builder.environment().putAll(environment);
			Process process = builder.start();
			log.debug("Started {} (pid {}): {}", name, process.pid(), command);
			return new ManagedProcess(name, process.toHandle(), process, logFile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + name + ": " + command, ex);
		}
	}

	/** Takes over a process started earlier (for example by a previous run). */
	public static Optional<ManagedProcess> attach(String name, long pid, Path logFile) {
		return ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.map((handle) -> new ManagedProcess(name, handle, null, logFile));
	}

	/**
	 * Whether {@code nice} is on the path (Linux, macOS), so a command can be started at
	 * a lower CPU priority by prefixing it.
	 */
	public static boolean canLowerPriority() {
		String path = System.getenv("PATH");
		return path != null && Arrays.stream(path.split(File.pathSeparator))
			.filter((dir) -> !dir.isBlank())
			.anyMatch((dir) -> Files.isExecutable(Path.of(dir, "nice")));
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
		HttpClient client = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
		HttpRequest request = HttpRequest.newBuilder(url).timeout(HTTP_TIMEOUT).GET().build();
		awaitCondition("GET " + url + " answers 2xx", timeout, () -> isOk(client, request));
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
			sleep(POLL_INTERVAL);
		}
	}

	/**
	 * Waits until the process exits by itself (a tool, a batch job) and returns its exit
	 * code; fails with the log tail after {@code timeout}.
	 */
	public int awaitExit(Duration timeout) {
		this.stopping = true;
		if (!awaitExit(this.handle, timeout)) {
			this.stopping = false;
			throw new IllegalStateException(this.name + " (pid " + pid() + ") still runs after " + timeout
					+ "\n--- last lines of " + this.logFile + " ---\n" + logTail(TAIL_LINES));
		}
		return (this.process != null) ? waitFor(this.process) : 0;
	}

	/** Stops gracefully, waiting {@link #DEFAULT_STOP_TIMEOUT} before it kills. */
	public void stop() {
		stop(DEFAULT_STOP_TIMEOUT);
	}

	/** SIGTERM to the process and its descendants, then SIGKILL after {@code timeout}. */
	public void stop(Duration timeout) {
		this.stopping = true;
		// Collected first: once the parent is gone its children are no longer its
		// descendants.
		List<ProcessHandle> all = Stream.concat(Stream.of(this.handle), this.handle.descendants()).toList();
		all.forEach(ProcessHandle::destroy);
		if (!awaitExit(all, timeout)) {
			log.warn("{} (pid {}) did not stop within {}; killing it", this.name, pid(), timeout);
			all.forEach(ProcessHandle::destroyForcibly);
			awaitExit(all, KILL_WAIT);
		}
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
		if (!this.stopping) {
			String code = exitCode().map((c) -> " with code " + c).orElse("");
			log.error("{} (pid {}) exited unexpectedly{}; last lines of {}:\n{}", this.name, pid(), code, this.logFile,
					logTail(LOGGED_TAIL_LINES));
		}
	}

	private static boolean isOk(HttpClient client, HttpRequest request) {
		try {
			int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			return status >= 200 && status < 300;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for " + request.uri(), ex);
		}
	}

	private static boolean awaitExit(List<ProcessHandle> handles, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		return handles.stream()
			.allMatch((handle) -> awaitExit(handle, Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))));
	}

	// Polled: onExit() of a process that is not our child polls with a long backoff.
	private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (handle.isAlive()) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			sleep(EXIT_POLL_INTERVAL);
		}
		return true;
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

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
