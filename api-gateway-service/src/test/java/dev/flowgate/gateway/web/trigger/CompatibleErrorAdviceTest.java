package dev.flowgate.gateway.web.trigger;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** Errors that reach the compatible endpoints without being a {@code Rejection}. */
class CompatibleErrorAdviceTest {

	private final CompatibleErrorShapes shapes = new CompatibleErrorShapes();

	private final CompatibleErrorAdvice advice = new CompatibleErrorAdvice(
			List.of(this.shapes.aicuflowErrors(), this.shapes.fluxPromptErrors()));

	@Test
	void keepsTheStatusOfSpringMvcsOwnErrorsInThePlatformsShape() {
		ResponseEntity<Object> answer = this.advice.unexpected(new AsyncRequestTimeoutException(),
				new MockHttpServletRequest("POST", "/node/deployment-trigger/d-1/"));

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
		assertThat(answer.getBody()).isEqualTo(AicuflowResponse.Error.of("Service Unavailable"));
	}

	@Test
	void answersAnUnexpectedFailureAs500InThePlatformsShape() {
		ResponseEntity<Object> answer = this.advice.unexpected(new IllegalStateException("a bug"),
				new MockHttpServletRequest("POST", "/flux/api-v2"));

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(answer.getBody()).isEqualTo(FluxResponse.Error.of("Unexpected error"));
	}

}
