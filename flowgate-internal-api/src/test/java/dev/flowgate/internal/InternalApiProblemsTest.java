package dev.flowgate.internal;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

class InternalApiProblemsTest {

	private final WebApplicationContextRunner context = new WebApplicationContextRunner()
		.withUserConfiguration(WebMvc.class, Problems.class, Api.class);

	@Test
	void namesTheFieldWhoseValueCannotBeRead() {
		this.context.run((context) -> {
			MvcResult result = WebMvc.call(context, json("/things", "{\"count\": \"many\"}"));
			assertThat(result.getResponse().getStatus()).isEqualTo(400);
			assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
			assertThat(result.getResponse().getContentAsString()).contains("\"field\":\"count\"")
				.contains("count must be a whole number");
		});
	}

	@Test
	void namesTheQueryParameterWhoseValueIsNotOfItsType() {
		this.context.run((context) -> {
			for (String query : new String[] { "limit=abc", "limit=99999999999" }) {
				MvcResult result = WebMvc.call(context, get("/things?" + query));
				assertThat(result.getResponse().getStatus()).as(query).isEqualTo(400);
				assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
				assertThat(result.getResponse().getContentAsString()).contains("\"field\":\"limit\"")
					.contains("limit must be a whole number")
					.contains("\"title\":\"Invalid request\"");
			}
		});
	}

	@Test
	void tellsABodyThatIsNotJsonFromAMissingOne() {
		this.context.run((context) -> {
			assertThat(WebMvc.call(context, json("/things", "{\"count\": ")).getResponse().getContentAsString())
				.contains("The body is not valid JSON");
			assertThat(WebMvc.call(context, json("/things", "{\"count\": 1,}")).getResponse().getContentAsString())
				.contains("The body is not valid JSON: Unexpected character ('}'");
			assertThat(WebMvc.call(context, json("/things", "")).getResponse().getContentAsString())
				.contains("A JSON body is required");
		});
	}

	@Test
	void saysABodyOfTheWrongShapeMustBeAnObjectOrAnArray() {
		this.context.run((context) -> {
			MvcResult array = WebMvc.call(context, json("/things", "[{\"count\": 1}]"));
			assertThat(array.getResponse().getStatus()).isEqualTo(400);
			assertThat(array.getResponse().getContentAsString()).contains("The body must be a JSON object")
				.doesNotContain("not valid JSON");
			assertThat(WebMvc.call(context, json("/batch", "{\"count\": 1}")).getResponse().getContentAsString())
				.contains("The body must be a JSON array");
		});
	}

	@Test
	void saysWhichPathNothingServesWithoutMentioningStaticResources() {
		this.context.run((context) -> {
			for (String path : new String[] { "/nothing", "/static/missing.css" }) {
				MvcResult result = WebMvc.call(context, get(path));
				assertThat(result.getResponse().getStatus()).isEqualTo(404);
				assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
				assertThat(result.getResponse().getContentAsString()).contains("No resource at GET " + path)
					.doesNotContainIgnoringCase("static resource");
			}
		});
	}

	@Test
	void answersAnUnexpectedFailureWith500AndNothingOfItsMessage() {
		this.context.run((context) -> {
			MvcResult result = WebMvc.call(context, json("/failing", "{\"count\": 1}"));
			assertThat(result.getResponse().getStatus()).isEqualTo(500);
			assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
			assertThat(result.getResponse().getContentAsString()).contains("The request could not be completed")
				.doesNotContain("database password");
		});
	}

	private static MockHttpServletRequestBuilder json(String path, String body) {
		return post(path).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	@RestControllerAdvice
	static class Problems extends InternalApiProblems {

	}

	record Things(int count) {
	}

	@RestController
	static class Api {

		@PostMapping("/things")
		Things things(@RequestBody Things things) {
			return things;
		}

		@GetMapping("/things")
		List<Things> list(@RequestParam(required = false) Integer limit) {
			return List.of();
		}

		@PostMapping("/batch")
		List<Things> batch(@RequestBody List<Things> things) {
			return things;
		}

		@PostMapping("/failing")
		Things failing(@RequestBody Things things) {
			throw new IllegalStateException("database password is hunter2");
		}

	}

}
