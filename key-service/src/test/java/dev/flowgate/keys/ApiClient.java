package dev.flowgate.keys;

import java.util.List;
import java.util.function.UnaryOperator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls the API as the gateway forwards them: internal token and owner or admin headers.
 */
public final class ApiClient {

	public static final String INTERNAL_TOKEN = "test-internal-token";

	private final MockMvc mvc;

	private final JsonMapper json;

	public ApiClient(MockMvc mvc, JsonMapper json) {
		this.mvc = mvc;
		this.json = json;
	}

	/** Creates an owner through the admin API; returns the whole answer. */
	public Response createOwner(String name) {
		return send(MockMvcRequestBuilders.post("/v1/owners"), asAdmin(), "{\"name\":\"" + name + "\"}");
	}

	/** Creates an owner through the admin API; returns its id. */
	public String newOwnerId(String name) {
		return createOwner(name).body().get("owner").get("id").asString();
	}

	/** A GET as the gateway forwards the platform admin's. */
	public Response getAsAdmin(String path) {
		return send(MockMvcRequestBuilders.get(path), asAdmin(), null);
	}

	public Response post(String path, String ownerId, String body) {
		return send(MockMvcRequestBuilders.post(path), asOwner(ownerId), body);
	}

	public Response patch(String path, String ownerId, String body) {
		return send(MockMvcRequestBuilders.patch(path), asOwner(ownerId), body);
	}

	public Response get(String path, String ownerId) {
		return send(MockMvcRequestBuilders.get(path), asOwner(ownerId), null);
	}

	public Response delete(String path, String ownerId) {
		return send(MockMvcRequestBuilders.delete(path), asOwner(ownerId), null);
	}

	public Response send(MockHttpServletRequestBuilder request, UnaryOperator<MockHttpServletRequestBuilder> headers,
			String body) {
		MockHttpServletRequestBuilder call = headers.apply(request);
		if (body != null) {
			call.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		try {
			MvcResult result = this.mvc.perform(call).andReturn();
			String raw = result.getResponse().getContentAsString();
			JsonNode parsed = raw.isEmpty() ? null : this.json.readTree(raw);
			return new Response(result.getResponse().getStatus(), result.getResponse().getContentType(), parsed, raw,
					result.getResponse().getHeader(HttpHeaders.LOCATION),
					result.getResponse().getHeader(HttpHeaders.RETRY_AFTER));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * As the gateway forwards a call of the owner's, naming no calling key: nothing
	 * bounds the keys it makes ({@link #withKey} names one).
	 */
	public static UnaryOperator<MockHttpServletRequestBuilder> asOwner(String ownerId) {
		return (request) -> request.header("X-Flowgate-Internal-Token", INTERNAL_TOKEN)
			.header("X-Flowgate-Owner-Id", ownerId);
	}

	/** As the gateway forwards a call made with the given key of the owner. */
	public static UnaryOperator<MockHttpServletRequestBuilder> withKey(String ownerId, String keyId) {
		return (request) -> request.header("X-Flowgate-Internal-Token", INTERNAL_TOKEN)
			.header("X-Flowgate-Owner-Id", ownerId)
			.header("X-Flowgate-Key-Id", keyId);
	}

	public static UnaryOperator<MockHttpServletRequestBuilder> asAdmin() {
		return (request) -> request.header("X-Flowgate-Internal-Token", INTERNAL_TOKEN)
			.header("X-Flowgate-Admin", "true");
	}

	/** One answer; {@code body} is {@code null} when there is none. */
	public record Response(int status, String contentType, JsonNode body, String raw, String location,
			String retryAfter) {

		public String text(String field) {
			return this.body.get(field).asString();
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
