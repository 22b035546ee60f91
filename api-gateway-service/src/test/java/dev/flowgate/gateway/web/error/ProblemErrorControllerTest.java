package dev.flowgate.gateway.web.error;

import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors forwarded to {@code /error} from outside Spring MVC (a filter, the container).
 */
class ProblemErrorControllerTest {

	private final ProblemErrorController controller = new ProblemErrorController(
			List.of(new CompatibleErrors("/node/", (message) -> Map.of("status", "error", "message", message))));

	@Test
	void answersACompatibleApisPathInItsOwnShape() {
		ResponseEntity<Object> answer = this.controller.error(forwarded("/node/deployment-trigger/d-1/", 500));

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
		assertThat(answer.getBody()).isEqualTo(Map.of("status", "error", "message", "Internal Server Error"));
	}

	@Test
	void answersEveryOtherPathWithAProblem() {
		ResponseEntity<Object> answer = this.controller.error(forwarded("/v1/deployments/d-1/executions", 400));

		assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(answer.getBody()).isInstanceOfSatisfying(ProblemDetail.class,
				(problem) -> assertThat(problem.getStatus()).isEqualTo(400));
	}

	private static MockHttpServletRequest forwarded(String path, int status) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/error");
		request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, path);
		request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
		return request;
	}

}
