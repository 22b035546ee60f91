package dev.flowgate.internal;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

class InternalApiConfigurationTest {

	private final WebApplicationContextRunner context = new WebApplicationContextRunner()
		.withUserConfiguration(WebMvc.class, InternalApiConfiguration.class, Problems.class, Api.class)
		.withPropertyValues("flowgate.internal-token=s3cret-token");

	@Test
	void answersACallWithTheInternalToken() {
		this.context.run((context) -> {
			MvcResult result = WebMvc.call(context, get("/v1/things").header(InternalHeaders.TOKEN, "s3cret-token"));
			assertThat(result.getResponse().getStatus()).isEqualTo(200);
			assertThat(result.getResponse().getContentAsString()).isEqualTo("things");
		});
	}

	@Test
	void turnsAwayACallWithoutOrWithAnotherTokenWithAProblem() {
		this.context.run((context) -> {
			for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[] { get("/v1/things"),
					get("/v1/things").header(InternalHeaders.TOKEN, "s3cret-tokem") }) {
				MvcResult result = WebMvc.call(context, request);
				assertThat(result.getResponse().getStatus()).isEqualTo(401);
				assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
				assertThat(result.getResponse().getContentAsString())
					.contains("Missing or wrong " + InternalHeaders.TOKEN);
			}
		});
	}

	@Test
	void turnsAwayEveryCallWhileNoTokenIsConfigured() {
		this.context.withPropertyValues("flowgate.internal-token=").run((context) -> {
			MvcResult result = WebMvc.call(context, get("/v1/things").header(InternalHeaders.TOKEN, ""));
			assertThat(result.getResponse().getStatus()).isEqualTo(401);
		});
	}

	@Test
	void refusesToStartWithThePlaceholderOfTheExampleEnvironment() {
		this.context.withPropertyValues("flowgate.internal-token=replace-with-openssl-rand-hex-32")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("FLOWGATE_INTERNAL_TOKEN"));
	}

	@Test
	void refusesAQueryParameterGivenTwiceNamingIt() {
		this.context.run((context) -> {
			for (String query : new String[] { "limit=1&limit=2", "cursor=a&cursor=a", "curs%6Fr=a&cursor=b" }) {
				assertThat(problem(context, query)).as(query)
					.contains("\"detail\":\"" + (query.startsWith("limit") ? "limit" : "cursor")
							+ " is given more than once\"");
			}
			MvcResult once = WebMvc.call(context,
					get(URI.create("/v1/things?limit=1&cursor=a&x")).header(InternalHeaders.TOKEN, "s3cret-token"));
			assertThat(once.getResponse().getContentAsString()).isEqualTo("things 1");
		});
	}

	@Test
	void refusesAQueryThatIsNotPercentEncodedUtf8NamingTheParameter() {
		this.context.run((context) -> {
			assertThat(problem(context, "cursor=%zz")).contains("\"field\":\"cursor\"")
				.contains("cursor is not valid in the query string: '%' must start an escape of two hex digits");
			assertThat(problem(context, "limit=%C0%AF")).contains("\"field\":\"limit\"");
			assertThat(problem(context, "window=%E0%A4")).contains("\"field\":\"window\"");
			assertThat(problem(context, "li%mit=1")).contains("\"field\":\"li%mit\"");
			MvcResult encoded = WebMvc.call(context, get(URI.create("/v1/things?cursor=caf%C3%A9+au+lait&limit=%33"))
				.header(InternalHeaders.TOKEN, "s3cret-token"));
			assertThat(encoded.getResponse().getContentAsString()).isEqualTo("things 3");
		});
	}

	@Test
	void readsAWholeNumberOnlyAsItsDigits() {
		this.context.run((context) -> {
			for (String limit : new String[] { "0x10", "%2B5", "%205", "#10", "", "1.0", "99999999999" }) {
				assertThat(problem(context, "limit=" + limit)).as(limit)
					.contains("\"field\":\"limit\"")
					.contains("must be a whole number");
			}
			MvcResult negative = WebMvc.call(context,
					get(URI.create("/v1/things?limit=-1")).header(InternalHeaders.TOKEN, "s3cret-token"));
			assertThat(negative.getResponse().getContentAsString()).isEqualTo("things -1");
		});
	}

	/** The body of the 400 problem a call with the query, as sent, is answered with. */
	private static String problem(WebApplicationContext context, String query) throws Exception {
		MvcResult result = WebMvc.call(context, get("/v1/things").with((request) -> {
			request.setQueryString(query);
			for (String pair : query.split("&")) {
				String[] parameter = pair.split("=", 2);
				String value = (parameter.length > 1) ? parameter[1] : "";
				// As the servlet container decodes it, where it can.
				request.addParameter(parameter[0], decodedIfItCan(value));
			}
			return request;
		}).header(InternalHeaders.TOKEN, "s3cret-token"));
		assertThat(result.getResponse().getStatus()).as(query).isEqualTo(400);
		return result.getResponse().getContentAsString();
	}

	@Test
	void leavesWhatIsNotTheApiAlone() {
		this.context.run(
				(context) -> assertThat(WebMvc.call(context, get("/status")).getResponse().getStatus()).isEqualTo(200));
	}

	private static String decodedIfItCan(String value) {
		try {
			return QueryText.decode(value);
		}
		catch (QueryText.Malformed ex) {
			return value;
		}
	}

	@RestControllerAdvice
	static class Problems extends InternalApiProblems {

	}

	@RestController
	static class Api {

		@GetMapping("/v1/things")
		String things(@RequestParam(required = false) Integer limit) {
			return (limit != null) ? "things " + limit : "things";
		}

		@GetMapping("/status")
		String status() {
			return "up";
		}

	}

}
