package dev.flowgate.infra;

import java.nio.file.Path;
import java.util.List;

/**
 * A JVM that starts {@code sleep} bound to its own life and waits, for the test that the
 * child dies with the JVM that started it. Arguments: the log file.
 */
final class ChildStarterMain {

	static final String PID_PREFIX = "child-pid=";

	private ChildStarterMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		ManagedProcess child = ManagedProcess.builder("sleeper", List.of("sleep", "300"))
			.logFile(Path.of(args[0]))
			.ownSession(true)
			.stopWithParent(true)
			.start();
		System.out.println(PID_PREFIX + child.pid());
		Thread.sleep(Long.MAX_VALUE);
	}

}
