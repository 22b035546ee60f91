package dev.flowgate.gateway.web.error;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The problem Tomcat's error report writes, outside Spring MVC. */
class ContainerProblemsTest {

	private final ContainerProblems problems = new ContainerProblems(1024);

	@Test
	void writesEveryFieldOfAProblemAboutThePathCalled() {
		assertThat(this.problems.fields(HttpStatus.CONTENT_TOO_LARGE, "POST", "/v1/flows")).containsExactly(
				entry("type", "about:blank"), entry("title", "Content Too Large"), entry("status", 413),
				entry("detail", "The request body is larger than 1024 bytes"), entry("instance", "/v1/flows"));
	}

	@Test
	void leavesOutWhatItDoesNotKnow() {
		assertThat(this.problems.fields(HttpStatus.BAD_REQUEST, null, null)).containsOnlyKeys("type", "title", "status",
				"detail");
	}

}
