package dev.flowgate.infra;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChildCommandTest {

	private static final List<String> JAVA = List.of("nice", "-n", "10", "java", "-jar", "service.jar");

	@Test
	void startsTheCommandInItsOwnSessionBesideAWatchdog() {
		assertThat(ChildCommand.of(JAVA, true, true, (program) -> true)).containsExactly("setsid", "sh", "-c",
				ChildCommand.WATCHDOG, ChildCommand.WATCHDOG_NAME, "nice", "-n", "10", "java", "-jar", "service.jar");
	}

	@Test
	void leavesOutWhatThePlatformLacks() {
		assertThat(ChildCommand.of(JAVA, true, true, (program) -> !program.equals("setsid"))).startsWith("sh", "-c")
			.endsWith(JAVA.toArray(String[]::new));
		assertThat(ChildCommand.of(JAVA, true, true, (program) -> false)).isEqualTo(JAVA);
	}

	@Test
	void leavesTheCommandAsItIsWhenNeitherIsAsked() {
		assertThat(ChildCommand.of(JAVA, false, false, (program) -> true)).isEqualTo(JAVA);
	}

}
