package dev.flowgate.internal;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

class InternalApiConfigurationTest {

	private final WebApplicationContextRunner context = new WebApplicationContextRunner()
		.withUserConfiguration(WebMvc.class, InternalApiConfiguration.class, Api.class)
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
	void leavesWhatIsNotTheApiAlone() {
		this.context.run(
				(context) -> assertThat(WebMvc.call(context, get("/status")).getResponse().getStatus()).isEqualTo(200));
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
