package dev.flowgate.infra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

class ManagedProcessTest {

	private static final int TAIL_LINES = 20;

	private static final int CHILD_NICENESS = 7;

	private static final int LOWEST_PRIORITY = 19;

	// Long enough for an exit report to be logged, had there been one.
	private static final Duration REPORT_WAIT = Duration.ofSeconds(3);

	@TempDir
	Path dir;

	@Test
	void reportsACrashedProcessWithItsLogTail() {
		ManagedProcess process = start("echo starting; echo \"boom: $GREETING\" >&2; exit 3", Map.of("GREETING", "hi"));

		assertThatExceptionOfType(ProcessDiedException.class)
			.isThrownBy(() -> process.awaitHttpOk(URI.create("http://127.0.0.1:9/ready"), Duration.ofSeconds(10)))
			.withMessageContaining("crashy")
			.withMessageContaining("code 3")
			.satisfies((ex) -> assertThat(ex.logTail()).contains("starting").contains("boom: hi"));
		assertThat(process.exitCode()).hasValue(3);
	}

	@Test
	void waitsUntilTheUrlAnswers2xx() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/ready", (exchange) -> {
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		server.start();
		ManagedProcess process = start("sleep 30", Map.of());
		try {
			process.awaitHttpOk(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ready"),
					Duration.ofSeconds(10));
			assertThat(process.isAlive()).isTrue();
		}
		finally {
			server.stop(0);
			process.stop();
		}
	}

	@Test
	void timesOutWithTheLogTailWhenTheUrlNeverAnswers() {
		ManagedProcess process = start("echo still-booting; sleep 30", Map.of());
		try {
			assertThatIllegalStateException()
				.isThrownBy(() -> process.awaitHttpOk(URI.create("http://127.0.0.1:9/ready"), Duration.ofMillis(500)))
				.withMessageContaining("still-booting");
		}
		finally {
			process.stop();
		}
	}

	@Test
	void stopTerminatesTheProcessAndItsChildren() {
		ManagedProcess process = start("sleep 300 & sleep 300; wait", Map.of());
		await().until(() -> process.pid() > 0 && ProcessHandle.of(process.pid()).orElseThrow().children().count() == 2);
		List<ProcessHandle> children = ProcessHandle.of(process.pid()).orElseThrow().children().toList();

		process.stop();

		assertThat(process.isAlive()).isFalse();
		assertThat(children).noneMatch(ProcessHandle::isAlive);
	}

	@Test
	void killsAProcessThatIgnoresSigterm() {
		ManagedProcess process = start("trap '' TERM; echo ready; sleep 300 & wait", Map.of());
		await().until(() -> process.logTail(1).contains("ready"));

		long started = System.nanoTime();
		process.stop(Duration.ofMillis(500));

		assertThat(process.isAlive()).isFalse();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void leavesOutTheInheritedVariablesAskedForButKeepsItsOwn() throws IOException {
		assumeThat(System.getenv("HOME")).isNotNull();
		ManagedProcess process = ManagedProcess
			.builder("env", List.of("sh", "-c", "echo \"home=${HOME:-none} path=${PATH:+kept} own=$HOME_OWN\""))
			.environment(Map.of("HOME_OWN", "mine"))
			.withoutInherited(List.of("HOME"))
			.logFile(this.dir.resolve("env.log"))
			.start();

		assertThat(process.awaitExit(Duration.ofSeconds(10))).isZero();
		assertThat(Files.readString(this.dir.resolve("env.log"))).contains("home=none path=kept own=mine");
	}

	@Test
	void awaitExitReturnsTheExitCode() {
		assertThat(start("exit 7", Map.of()).awaitExit(Duration.ofSeconds(10))).isEqualTo(7);
	}

	@Test
	void reportsAnUnexpectedExitOnceWithItsCodeAndLogTail() {
		try (CapturedStderr err = CapturedStderr.start()) {
			ManagedProcess process = start("echo last-words; exit 3", Map.of());

			await().atMost(Duration.ofSeconds(10)).until(() -> err.text().contains("exited unexpectedly"));

			assertThat(err.text())
				.containsOnlyOnce("crashy (pid " + process.pid() + ") exited unexpectedly with code 3")
				.contains("last-words")
				.doesNotContain("{}");
		}
	}

	@Test
	void staysQuietAboutAnExitThatIsExpected() {
		try (CapturedStderr err = CapturedStderr.start()) {
			ManagedProcess process = ManagedProcess.builder("crashy", List.of("sh", "-c", "exit 3"))
				.logFile(this.dir.resolve("process.log"))
				.exitExpectedWhile(() -> true)
				.start();

			process.awaitExit(Duration.ofSeconds(10));

			await().during(REPORT_WAIT)
				.atMost(REPORT_WAIT.multipliedBy(2))
				.untilAsserted(() -> assertThat(err.text()).doesNotContain("crashy"));
		}
	}

	@Test
	void stopTellsWhetherTheProcessStoppedInTime() {
		assertThat(start("sleep 300", Map.of()).stop()).isTrue();
		ManagedProcess stubborn = start("trap '' TERM; echo ready; while :; do sleep 1; done", Map.of());
		await().until(() -> stubborn.logTail(1).contains("ready"));

		assertThat(stubborn.stop(Duration.ofMillis(500))).isFalse();
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void startsAChildToStopWithItsParentInASessionOfItsOwn() throws Exception {
		ManagedProcess process = sleeperInASessionOfItsOwn(0);
		try {
			assertThat(session(process.pid())).isNotEqualTo(session(ProcessHandle.current().pid()))
				.isEqualTo(process.pid());
		}
		finally {
			process.stop();
		}
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void lowersThePriorityOfAChildAndOfItsSessionButNotOfTheStartingSession() throws Exception {
		Path ownGroup = Path.of("/proc/self/autogroup");
		assumeThat(ownGroup).as("autogroup scheduling built in").exists();
		String ownGroupBefore = Files.readString(ownGroup);
		ManagedProcess process = sleeperInASessionOfItsOwn(CHILD_NICENESS);
		try {
			assertThat(Files.readString(Path.of("/proc", Long.toString(process.pid()), "autogroup")).strip())
				.endsWith("nice " + CHILD_NICENESS);
			assertThat(niceness(process.pid()))
				.isEqualTo(Math.min(LOWEST_PRIORITY, niceness(ProcessHandle.current().pid()) + CHILD_NICENESS));
			assertThat(Files.readString(ownGroup)).isEqualTo(ownGroupBefore);
		}
		finally {
			process.stop();
		}
	}

	@Test
	void aChildBoundToItsParentExitsWhenThatJvmIsKilled() {
		ManagedProcess starter = ManagedProcess.start("child-starter",
				List.of(ManagedProcess.javaExecutable(), "-cp", System.getProperty("java.class.path"),
						ChildStarterMain.class.getName(), this.dir.resolve("child.log").toString()),
				Map.of(), this.dir.resolve("starter.log"));
		long childPid = 0;
		try {
			starter.awaitCondition("the child is started", Duration.ofSeconds(30),
					() -> starter.logTail(TAIL_LINES).contains(ChildStarterMain.PID_PREFIX));
			childPid = Long.parseLong(
					starter.logTail(TAIL_LINES).replaceAll("(?s).*" + ChildStarterMain.PID_PREFIX + "(\\d+).*", "$1"));
			long child = childPid;
			assertThat(isAlive(child)).isTrue();

			ProcessHandle.of(starter.pid()).ifPresent(ProcessHandle::destroyForcibly);

			await().atMost(Duration.ofSeconds(10)).until(() -> !isAlive(child));
		}
		finally {
			starter.stop();
			ProcessHandle.of(childPid).ifPresent(ProcessHandle::destroyForcibly);
		}
	}

	@Test
	void leavesNoWatchdogBehindWhenTheChildExitsByItself() {
		String marker = "0.2" + System.nanoTime();
		ManagedProcess process = ManagedProcess.builder("short", List.of("sleep", marker))
			.logFile(this.dir.resolve("process.log"))
			.stopWithParent(true)
			.start();

		assertThat(process.awaitExit(Duration.ofSeconds(10))).isZero();

		await().atMost(Duration.ofSeconds(5))
			.until(() -> ProcessHandle.allProcesses()
				.noneMatch((p) -> p.isAlive() && p.info().commandLine().orElse("").contains(marker)));
	}

	/**
	 * A {@code sleep} started bound to this JVM, once setsid and the shells exec'd it.
	 */
	private ManagedProcess sleeperInASessionOfItsOwn(int niceness) {
		ManagedProcess process = ManagedProcess.builder("sleeper", List.of("sleep", "300"))
			.logFile(this.dir.resolve("process.log"))
			.ownSession(true)
			.stopWithParent(true)
			.niceness(niceness)
			.start();
		await().until(
				() -> ProcessHandle.of(process.pid()).flatMap((p) -> p.info().command()).orElse("").endsWith("sleep"));
		return process;
	}

	private static boolean isAlive(long pid) {
		return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
	}

	/** Field 6 of {@code /proc/<pid>/stat}: the session id. */
	private static long session(long pid) throws Exception {
		return Long.parseLong(statFields(pid)[3]);
	}

	/** Field 19 of {@code /proc/<pid>/stat}: the nice level. */
	private static int niceness(long pid) throws Exception {
		return Integer.parseInt(statFields(pid)[16]);
	}

	/** The fields of {@code /proc/<pid>/stat} after the command name, from field 3. */
	private static String[] statFields(long pid) throws Exception {
		String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
		return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
	}

	private ManagedProcess start(String script, Map<String, String> env) {
		return ManagedProcess.start("crashy", List.of("sh", "-c", script), env, this.dir.resolve("process.log"));
	}

}
