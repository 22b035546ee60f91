package dev.flowgate.internal;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

class InvalidFieldsTest {

	@Test
	void detailsOneErrorAsItsFieldAndMessage() {
		ProblemDetail problem = InvalidFields.problem("delivery.callbackUrl", "must be an absolute http or https URL");

		assertThat(problem.getStatus()).isEqualTo(400);
		assertThat(problem.getType()).hasToString("/problems/invalid-request");
		assertThat(problem.getTitle()).isEqualTo("Invalid request");
		assertThat(problem.getDetail()).isEqualTo("delivery.callbackUrl must be an absolute http or https URL");
		assertThat(problem.getProperties()).containsOnlyKeys("errors")
			.containsEntry("errors",
					List.of(new InvalidField("delivery.callbackUrl", "must be an absolute http or https URL")));
	}

	@Test
	void detailsAnErrorOfTheWholeBodyAsItsMessage() {
		ProblemDetail problem = InvalidFields.problem(InvalidField.BODY, "The body must be a JSON object");

		assertThat(problem.getDetail()).isEqualTo("The body must be a JSON object");
		assertThat(problem.getProperties()).containsEntry("errors",
				List.of(new InvalidField("", "The body must be a JSON object")));
	}

	@Test
	void summarisesSeveralErrorsByTheirFields() {
		ProblemDetail problem = InvalidFields.problem(List.of(new InvalidField("input_data.text", "is required"),
				new InvalidField("input_data.count", "must be a number"),
				new InvalidField("input_data.count", "is required")));

		assertThat(problem.getDetail())
			.isEqualTo("The request has 2 invalid fields: input_data.text, input_data.count");
		assertThat(problem.getProperties()).extractingByKey("errors").asInstanceOf(LIST).hasSize(3);
	}

	@Test
	void needsAtLeastOneError() {
		assertThatIllegalArgumentException().isThrownBy(() -> InvalidFields.problem(List.of()));
	}

}
