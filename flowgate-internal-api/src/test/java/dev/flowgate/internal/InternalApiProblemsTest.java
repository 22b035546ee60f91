package dev.flowgate.internal;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

class InternalApiProblemsTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WebApplicationContextRunner context = new WebApplicationContextRunner()
		.withUserConfiguration(WebMvc.class, Problems.class, Api.class);

	@Test
	void namesTheFieldWhoseValueCannotBeReadInErrors() {
		this.context.run((context) -> {
			MvcResult result = WebMvc.call(context, json("/things", "{\"count\": \"many\"}"));
			assertThat(result.getResponse().getStatus()).isEqualTo(400);
			assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
			JsonNode problem = body(result);
			assertThat(problem.path("detail").asString()).isEqualTo("count must be a whole number");
			assertThat(errors(problem)).containsExactly("count: must be a whole number");
			assertThat(problem.has("field")).isFalse();
		});
	}

	@Test
	void namesANestedFieldByItsJsonPath() {
		this.context.run((context) -> {
			MvcResult result = WebMvc.call(context, json("/things", "{\"count\": 1, \"tags\": [\"a\", {}]}"));
			assertThat(result.getResponse().getStatus()).isEqualTo(400);
			assertThat(errors(body(result))).containsExactly("tags[1]: must be a string");
		});
	}

	@Test
	void namesAMemberTheBodyDoesNotTakeWithTheMembersItDoes() {
		this.context.run((context) -> {
			MvcResult result = WebMvc.call(context, json("/things", "{\"count\": 1, \"status\": \"inactive\"}"));
			assertThat(result.getResponse().getStatus()).isEqualTo(400);
			JsonNode problem = body(result);
			assertThat(problem.path("detail").asString())
				.isEqualTo("status is not a known member (known: count, tags)");
			assertThat(errors(problem)).containsExactly("status: is not a known member (known: count, tags)");
		});
	}

	@Test
	void namesTheQueryParameterWhoseValueIsNotOfItsTypeInErrors() {
		this.context.run((context) -> {
			for (String query : new String[] { "limit=abc", "limit=99999999999" }) {
				MvcResult result = WebMvc.call(context, get("/things?" + query));
				assertThat(result.getResponse().getStatus()).as(query).isEqualTo(400);
				assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
				JsonNode problem = body(result);
				assertThat(problem.path("title").asString()).isEqualTo("Invalid request");
				assertThat(problem.path("detail").asString()).isEqualTo("limit must be a whole number");
				assertThat(errors(problem)).containsExactly("limit: must be a whole number");
				assertThat(problem.has("field")).isFalse();
			}
		});
	}

	@Test
	void allowsHeadWhereverGetIsAllowed() {
		this.context.run((context) -> {
			MvcResult result = WebMvc.call(context, delete("/things"));
			assertThat(result.getResponse().getStatus()).isEqualTo(405);
			assertThat(result.getResponse().getHeader("Allow").split(",\\s*")).containsExactlyInAnyOrder("GET", "HEAD",
					"POST");
			assertThat(WebMvc.call(context, delete("/search")).getResponse().getHeader("Allow")).contains("HEAD");
			assertThat(WebMvc.call(context, get("/batch")).getResponse().getHeader("Allow")).isEqualTo("POST");
		});
	}

	@Test
	void namesAMissingQueryParameterInErrors() {
		this.context.run((context) -> {
			MvcResult result = WebMvc.call(context, get("/search"));
			assertThat(result.getResponse().getStatus()).isEqualTo(400);
			JsonNode problem = body(result);
			assertThat(problem.path("detail").asString()).isEqualTo("q is required");
			assertThat(errors(problem)).containsExactly("q: is required");
		});
	}

	@Test
	void tellsABodyThatIsNotJsonFromAMissingOneAsAnErrorOfTheWholeBody() {
		this.context.run((context) -> {
			JsonNode truncated = body(WebMvc.call(context, json("/things", "{\"count\": ")));
			assertThat(truncated.path("detail").asString()).startsWith("The body is not valid JSON");
			assertThat(errors(truncated)).singleElement().asString().startsWith(": The body is not valid JSON");
			assertThat(body(WebMvc.call(context, json("/things", "{\"count\": 1,}"))).path("detail").asString())
				.startsWith("The body is not valid JSON: Unexpected character ('}'");
			JsonNode missing = body(WebMvc.call(context, json("/things", "")));
			assertThat(missing.path("detail").asString()).isEqualTo("A JSON body is required");
			assertThat(errors(missing)).containsExactly(": A JSON body is required");
		});
	}

	@Test
	void saysABodyOfTheWrongShapeMustBeAnObjectOrAnArray() {
		this.context.run((context) -> {
			MvcResult array = WebMvc.call(context, json("/things", "[{\"count\": 1}]"));
			assertThat(array.getResponse().getStatus()).isEqualTo(400);
			assertThat(errors(body(array))).containsExactly(": The body must be a JSON object");
			assertThat(body(WebMvc.call(context, json("/batch", "{\"count\": 1}"))).path("detail").asString())
				.isEqualTo("The body must be a JSON array");
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

	private static JsonNode body(MvcResult result) throws Exception {
		return JSON.readTree(result.getResponse().getContentAsString());
	}

	/** Each entry of {@code errors} as "field: message". */
	private static List<String> errors(JsonNode problem) {
		assertThat(problem.path("errors").isArray()).as(problem.toString()).isTrue();
		problem.path("errors")
			.forEach((error) -> assertThat(error.propertyNames()).containsExactly("field", "message"));
		return problem.path("errors")
			.valueStream()
			.map((error) -> error.path("field").asString() + ": " + error.path("message").asString())
			.toList();
	}

	private static MockHttpServletRequestBuilder json(String path, String body) {
		return post(path).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	@RestControllerAdvice
	static class Problems extends InternalApiProblems {

	}

	record Things(int count, List<String> tags) {
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

		@GetMapping("/search")
		List<Things> search(@RequestParam String q) {
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
