package dev.flowgate.deployments;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls the API as the gateway does: with the internal token and an owner header. */
public final class ApiClient {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final MockMvc mvc;

	private final String ownerId;

	private ApiClient(MockMvc mvc, String ownerId) {
		this.mvc = mvc;
		this.ownerId = ownerId;
	}

	/** A client for a fresh owner, so tests never see each other's data. */
	public static ApiClient forNewOwner(MockMvc mvc) {
		return new ApiClient(mvc, "owner-" + UUID.randomUUID());
	}

	/** Saves {@link SampleFlows#ANSWER} and deploys it; returns the deployment's id. */
	public String deployAnswerFlow() {
		String flowId = post("/v1/flows", SampleFlows.ANSWER).text("id");
		return post("/v1/deployments", "{\"flowId\":\"%s\"}".formatted(flowId)).text("id");
	}

	public ApiClient asAnotherOwner() {
		return forNewOwner(this.mvc);
	}

	public String ownerId() {
		return this.ownerId;
	}

	public Response get(String path) {
		return perform(MockMvcRequestBuilders.get(path));
	}

	/** As the gateway's idempotency check asks: what is recorded now. */
	public Response getRecordedOnly(String path) {
		return perform(MockMvcRequestBuilders.get(path).header("X-Flowgate-Recorded-Only", "true"));
	}

	public Response post(String path, String json) {
		return perform(MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	public Response put(String path, String json) {
		return perform(MockMvcRequestBuilders.put(path).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	public Response patch(String path, String json) {
		return perform(MockMvcRequestBuilders.patch(path).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	public Response delete(String path) {
		return perform(MockMvcRequestBuilders.delete(path));
	}

	/** Performs the request exactly as given: no internal headers are added. */
	public Response performWithoutInternalHeaders(MockHttpServletRequestBuilder request) {
		return execute(request);
	}

	private Response perform(MockHttpServletRequestBuilder request) {
		return execute(request.header("X-Flowgate-Internal-Token", IntegrationTest.TOKEN)
			.header("X-Flowgate-Owner-Id", this.ownerId));
	}

	private Response execute(MockHttpServletRequestBuilder request) {
		try {
			MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
			String body = response.getContentAsString();
			return new Response(response.getStatus(), response.getContentType(),
					response.getHeader(HttpHeaders.LOCATION), body.isEmpty() ? null : JSON.readTree(body));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A MockMvc answer's body as JSON. */
	public static JsonNode json(MockHttpServletResponse response) {
		try {
			return JSON.readTree(response.getContentAsString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** What came back. */
	public record Response(int status, String contentType, String location, JsonNode json) {

		/** The body's {@code field}, as text. */
		public String text(String field) {
			return this.json.path(field).asString();
		}

		/**
		 * The fields a 400 lists in {@code errors}, in order; fails on a body without the
		 * list, or with the former single {@code field} property.
		 */
		public List<String> invalidFields() {
			assertThat(this.json.path("errors").isArray()).as(this.json.toString()).isTrue();
			assertThat(this.json.has("field")).as(this.json.toString()).isFalse();
			return this.json.path("errors").valueStream().map((error) -> error.path("field").asString()).toList();
		}

	}

}
