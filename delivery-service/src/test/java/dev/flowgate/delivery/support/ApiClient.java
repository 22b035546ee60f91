package dev.flowgate.delivery.support;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls the API as the gateway forwards them: internal token and owner header. */
public final class ApiClient {

	public static final String INTERNAL_TOKEN = "test-internal-token";

	private final MockMvc mvc;

	private final JsonMapper json;

	public ApiClient(MockMvc mvc, JsonMapper json) {
		this.mvc = mvc;
		this.json = json;
	}

	public Response get(String path, String ownerId) {
		return send(asOwner(MockMvcRequestBuilders.get(path), ownerId), null);
	}

	public Response post(String path, String ownerId, String body) {
		return send(asOwner(MockMvcRequestBuilders.post(path), ownerId), body);
	}

	public Response send(MockHttpServletRequestBuilder request, String body) {
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		try {
			MvcResult result = this.mvc.perform(request).andReturn();
			String raw = result.getResponse().getContentAsString();
			JsonNode parsed = raw.isEmpty() ? null : this.json.readTree(raw);
			return new Response(result.getResponse().getStatus(), result.getResponse().getContentType(), parsed, raw,
					headers(result));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static MockHttpServletRequestBuilder asOwner(MockHttpServletRequestBuilder request, String ownerId) {
		return request.header("X-Flowgate-Internal-Token", INTERNAL_TOKEN)
			.header("X-Flowgate-Owner-Id", ownerId)
			.header("X-Flowgate-Key-Id", "calling-key");
	}

	private static HttpHeaders headers(MvcResult result) {
		HttpHeaders headers = new HttpHeaders();
		result.getResponse()
			.getHeaderNames()
			.forEach((name) -> headers.addAll(name, result.getResponse().getHeaders(name)));
		return headers;
	}

	/** One answer; {@code body} is {@code null} when there is none. */
	public record Response(int status, String contentType, JsonNode body, String raw, HttpHeaders headers) {

		public String text(String field) {
			return this.body.get(field).asString();
		}

		public String header(String name) {
			return this.headers.getFirst(name);
		}

		/**
		 * The fields a 400 lists in {@code errors}, in order; fails on a body without the
		 * list, or with the former single {@code field} property.
		 */
		public List<String> invalidFields() {
			assertThat(this.body.path("errors").isArray()).as(this.raw).isTrue();
			assertThat(this.body.has("field")).as(this.raw).isFalse();
			return this.body.path("errors").valueStream().map((error) -> error.path("field").asString()).toList();
		}

		/** The messages a 400 lists in {@code errors}, in order. */
		public List<String> invalidMessages() {
			return this.body.path("errors").valueStream().map((error) -> error.path("message").asString()).toList();
		}

	}

}
