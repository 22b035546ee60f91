package dev.flowgate.internal;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

class PlainJsonAnswersTest {

	private final WebApplicationContextRunner context = new WebApplicationContextRunner().withUserConfiguration(
			WebMvc.class, InternalApiProblemsTest.Problems.class, InternalApiProblemsTest.Api.class,
			PlainJsonAnswers.class);

	@Test
	void typesAnAnswerAsJsonForACallerAcceptingOnlyProblems() {
		this.context.run((context) -> {
			MvcResult answer = WebMvc.call(context, get("/things").accept(MediaType.APPLICATION_PROBLEM_JSON));
			assertThat(answer.getResponse().getStatus()).isEqualTo(200);
			assertThat(answer.getResponse().getContentType()).isEqualTo("application/json");
			assertThat(answer.getResponse().getContentAsString()).isEqualTo("[]");
		});
	}

	@Test
	void typesAnAnswerAsJsonForACallerAcceptingAnotherJsonType() {
		this.context.run((context) -> {
			MvcResult answer = WebMvc.call(context, get("/things").accept("application/vnd.anything+json"));
			assertThat(answer.getResponse().getStatus()).isEqualTo(200);
			assertThat(answer.getResponse().getContentType()).isEqualTo("application/json");
		});
	}

	@Test
	void leavesAProblemTypedAsOne() {
		this.context.run((context) -> {
			MvcResult refused = WebMvc.call(context,
					get("/things?limit=many").accept(MediaType.APPLICATION_PROBLEM_JSON));
			assertThat(refused.getResponse().getStatus()).isEqualTo(400);
			assertThat(refused.getResponse().getContentType()).isEqualTo("application/problem+json");
		});
	}

}
