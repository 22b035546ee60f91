package dev.flowgate.gateway.web.error;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.flowgate.gateway.config.GatewayProperties;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors forwarded to {@code /error} from outside Spring MVC (a filter, the container).
 */
class ProblemErrorControllerTest {

	private final ProblemErrorController controller = new ProblemErrorController(
			List.of(new CompatibleErrors("/node/", (message) -> Map.of("status", "error", "message", message))),
			new GatewayProperties(null, null, null, DataSize.ofKilobytes(1), null, null, null, null, null, null, null,
					null, null, null, null, Duration.ofSeconds(30), null, null));

	@Test
	void answersACompatibleApisPathInItsOwnShape() {
		ResponseEntity<Object> answer = this.controller.error(forwarded("/node/deployment-trigger/d-1/", 500));

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
		assertThat(answer.getBody()).isEqualTo(Map.of("status", "error", "message", "Internal Server Error"));
	}

	@Test
	void explainsACallersFaultInACompatibleApisShape() {
		ResponseEntity<Object> answer = this.controller.error(forwarded("/node/deployment-trigger/d-1;x=1/", 404));

		assertThat(answer.getBody())
			.isEqualTo(Map.of("status", "error", "message", "No resource at POST /node/deployment-trigger/d-1;x=1/"));
	}

	@Test
	void answersEveryOtherPathWithAProblem() {
		ResponseEntity<Object> answer = this.controller.error(forwarded("/v1/deployments/d-1/executions", 400));

		assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(answer.getBody()).isInstanceOfSatisfying(ProblemDetail.class,
				(problem) -> assertThat(problem.getStatus()).isEqualTo(400));
	}

	@Test
	void namesThePathCalledAsTheInstanceNotTheErrorPage() {
		ResponseEntity<Object> answer = this.controller.error(forwarded("/v1/flows/f-1", 400));

		assertThat(answer.getBody()).isInstanceOfSatisfying(ProblemDetail.class,
				(problem) -> assertThat(problem.getInstance()).hasToString("/v1/flows/f-1"));
	}

	@Test
	void escapesAPathThatIsNoValidUriReferenceAsItCame() {
		ResponseEntity<Object> answer = this.controller.error(forwarded("/v1/a%zz b", 400));

		assertThat(answer.getBody()).isInstanceOfSatisfying(ProblemDetail.class,
				(problem) -> assertThat(problem.getInstance()).hasToString("/v1/a%25zz%20b"));
	}

	@Test
	void saysWhatATooLargeBodyIsTooLargeFor() {
		ResponseEntity<Object> answer = this.controller.error(forwarded("/v1/flows", 413));

		assertThat(answer.getBody()).isInstanceOfSatisfying(ProblemDetail.class,
				(problem) -> assertThat(problem.getDetail()).isEqualTo("The request body is larger than 1024 bytes"));
	}

	@Test
	void saysWhatIsMissingAtAnUnknownPath() {
		ResponseEntity<Object> answer = this.controller.error(forwarded("/WEB-INF/web.xml", 404));

		assertThat(answer.getBody()).isInstanceOfSatisfying(ProblemDetail.class,
				(problem) -> assertThat(problem.getDetail()).isEqualTo("No resource at POST /WEB-INF/web.xml"));
	}

	private static MockHttpServletRequest forwarded(String path, int status) {
		// As Tomcat dispatches it: a GET, the method called in an attribute (Servlet
		// 6.1).
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
		request.setAttribute(RequestDispatcher.ERROR_METHOD, "POST");
		request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, path);
		request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
		return request;
	}

}
