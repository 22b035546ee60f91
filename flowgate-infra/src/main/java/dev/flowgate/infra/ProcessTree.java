package dev.flowgate.infra;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * A process and its descendants, collected at once: once the parent is gone its children
 * are no longer its descendants. Stopped together, SIGTERM first.
 */
final class ProcessTree {

	private static final Duration EXIT_POLL_INTERVAL = Duration.ofMillis(20);

	private static final Duration KILL_WAIT = Duration.ofSeconds(5);

	private final List<ProcessHandle> all;

	private ProcessTree(List<ProcessHandle> all) {
		this.all = all;
	}

	static ProcessTree of(ProcessHandle root) {
		return new ProcessTree(Stream.concat(Stream.of(root), root.descendants()).toList());
	}

	/**
	 * SIGTERM to each.
	 * @return whether they all exited within {@code timeout}
	 */
	boolean terminate(Duration timeout) {
		this.all.forEach(ProcessHandle::destroy);
		return awaitExit(this.all, timeout);
	}

	/** SIGKILL to each, then a short wait for them to go. */
	void kill() {
		this.all.forEach(ProcessHandle::destroyForcibly);
		awaitExit(this.all, KILL_WAIT);
	}

	// Polled: onExit() of a process that is not our child polls with a long backoff.
	static boolean awaitExit(ProcessHandle handle, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (handle.isAlive()) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			sleep(EXIT_POLL_INTERVAL);
		}
		return true;
	}

	private static boolean awaitExit(List<ProcessHandle> handles, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		return handles.stream()
			.allMatch((handle) -> awaitExit(handle, Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))));
	}

	/**
	 * Sleeps; an interrupt ends the wait with an exception, keeping the thread's flag.
	 */
	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
