package dev.flowgate.infra;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChildCommandTest {

	private static final List<String> JAVA = List.of("java", "-jar", "service.jar");

	@Test
	void startsTheCommandInItsOwnSessionBesideAWatchdog() {
		assertThat(ChildCommand.of(JAVA, true, true, 0, (program) -> true)).containsExactly("setsid", "sh", "-c",
				ChildCommand.WATCHDOG, ChildCommand.WATCHDOG_NAME, "java", "-jar", "service.jar");
	}

	@Test
	void lowersThePriorityOfTheChildAndOfItsOwnSession() {
		assertThat(ChildCommand.of(JAVA, true, true, 10, (program) -> true)).containsExactly("setsid", "sh", "-c",
				ChildCommand.sessionPriority(10) + ChildCommand.WATCHDOG, ChildCommand.WATCHDOG_NAME, "nice", "-n",
				"10", "java", "-jar", "service.jar");
		assertThat(ChildCommand.of(JAVA, true, false, 5, (program) -> true)).containsExactly("setsid", "sh", "-c",
				ChildCommand.sessionPriority(5) + "exec \"$@\"", ChildCommand.WATCHDOG_NAME, "nice", "-n", "5", "java",
				"-jar", "service.jar");
	}

	@Test
	void leavesThePriorityOfTheStartingSessionAlone() {
		assertThat(ChildCommand.of(JAVA, false, true, 10, (program) -> true)).containsExactly("sh", "-c",
				ChildCommand.WATCHDOG, ChildCommand.WATCHDOG_NAME, "nice", "-n", "10", "java", "-jar", "service.jar");
		assertThat(ChildCommand.of(JAVA, true, false, 10, (program) -> !program.equals("setsid")))
			.containsExactly("nice", "-n", "10", "java", "-jar", "service.jar");
	}

	@Test
	void leavesOutWhatThePlatformLacks() {
		assertThat(ChildCommand.of(JAVA, true, true, 10, (program) -> !program.equals("setsid"))).startsWith("sh", "-c")
			.endsWith("nice", "-n", "10", "java", "-jar", "service.jar");
		assertThat(ChildCommand.of(JAVA, true, true, 10, (program) -> !program.equals("nice")))
			.endsWith(ChildCommand.WATCHDOG_NAME, "java", "-jar", "service.jar");
		assertThat(ChildCommand.of(JAVA, true, true, 10, (program) -> false)).isEqualTo(JAVA);
	}

	@Test
	void leavesTheCommandAsItIsWhenNothingIsAsked() {
		assertThat(ChildCommand.of(JAVA, false, false, 0, (program) -> true)).isEqualTo(JAVA);
	}

}
