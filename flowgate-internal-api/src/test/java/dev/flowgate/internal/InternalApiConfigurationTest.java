package dev.flowgate.internal;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.GetMapping;
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
			// A name that is no valid escape is compared as sent.
			for (String query : new String[] { "limit=1&limit=2", "cursor=a&cursor=a", "li%mit=1&li%mit=2" }) {
				MvcResult result = WebMvc.call(context,
						get("/v1/things?" + query).header(InternalHeaders.TOKEN, "s3cret-token"));
				String parameter = query.substring(0, query.indexOf('='));
				assertThat(result.getResponse().getStatus()).as(query).isEqualTo(400);
				assertThat(result.getResponse().getContentAsString())
					.contains("\"detail\":\"" + parameter + " is given more than once\"")
					.contains("\"field\":\"" + parameter + "\"");
			}
			for (String query : new String[] { "limit=1&cursor=a&x", "li%mit=1" }) {
				MvcResult once = WebMvc.call(context,
						get("/v1/things?" + query).header(InternalHeaders.TOKEN, "s3cret-token"));
				assertThat(once.getResponse().getStatus()).as(query).isEqualTo(200);
			}
		});
	}

	@Test
	void leavesWhatIsNotTheApiAlone() {
		this.context.run(
				(context) -> assertThat(WebMvc.call(context, get("/status")).getResponse().getStatus()).isEqualTo(200));
	}

	@RestControllerAdvice
	static class Problems extends InternalApiProblems {

	}

	@RestController
	static class Api {

		@GetMapping("/v1/things")
		String things() {
			return "things";
		}

		@GetMapping("/status")
		String status() {
			return "up";
		}

	}

}
