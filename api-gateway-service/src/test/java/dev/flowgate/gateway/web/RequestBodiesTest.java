package dev.flowgate.gateway.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.flowgate.gateway.config.GatewayProperties;
import dev.flowgate.gateway.domain.Rejection;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestBodiesTest {

	private static final String BODY = "{\"input_data\":{\"question\":\"Grüße\"}}";

	private final RequestBodies bodies = new RequestBodies(JsonMapper.builder().build(),
			new GatewayProperties(null, null, null, DataSize.ofKilobytes(1), null, null, null, null, null, null, null,
					null, null, null, null, Duration.ofSeconds(30), null, null));

	@Test
	void readsAJsonBodySentWithoutAContentType() {
		assertThat(this.bodies.readJsonObject(request(null)).get("input_data").get("question").asString())
			.isEqualTo("Grüße");
	}

	@Test
	void readsJsonDeclaredUtf8InAnySpelling() {
		for (String type : new String[] { "application/json; charset=utf-8", "application/json;charset=\"UTF-8\"",
				"application/json; Charset=utf8", "application/problem+json" }) {
			assertThat(this.bodies.readJsonObject(request(type)).has("input_data")).as(type).isTrue();
		}
	}

	@Test
	void refusesJsonDeclaredInAnotherCharsetWith415() {
		for (String type : new String[] { "application/json; charset=ISO-8859-1", "application/json; charset=latin1",
				"application/json; charset=no-such-charset" }) {
			assertThatThrownBy(() -> this.bodies.readJsonObject(request(type))).as(type)
				.isInstanceOfSatisfying(Rejection.class, (rejection) -> {
					assertThat(rejection.reason()).isEqualTo(Rejection.Reason.UNSUPPORTED_MEDIA_TYPE);
					assertThat(rejection.getMessage()).contains("must be UTF-8");
				});
		}
	}

	@Test
	void refusesABodyOfAnotherTypeWith415() {
		assertThatThrownBy(() -> this.bodies.readJsonObject(request("text/plain")))
			.isInstanceOfSatisfying(Rejection.class, (rejection) -> {
				assertThat(rejection.reason()).isEqualTo(Rejection.Reason.UNSUPPORTED_MEDIA_TYPE);
				assertThat(rejection.getMessage()).contains("must be application/json, not text/plain");
			});
	}

	@Test
	void refusesMalformedJsonSentWithoutAContentTypeWith400() {
		MockHttpServletRequest form = request(null);
		form.setContent("input_data=1".getBytes(StandardCharsets.UTF_8));

		assertThatThrownBy(() -> this.bodies.readJsonObject(form)).isInstanceOfSatisfying(Rejection.class,
				(rejection) -> assertThat(rejection.reason()).isEqualTo(Rejection.Reason.BAD_REQUEST));
	}

	private static MockHttpServletRequest request(String contentType) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/deployments/d/executions");
		request.setContentType(contentType);
		request.setContent(BODY.getBytes(StandardCharsets.UTF_8));
		return request;
	}

}
