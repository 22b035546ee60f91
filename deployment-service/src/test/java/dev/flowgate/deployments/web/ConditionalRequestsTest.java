package dev.flowgate.deployments.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.flowgate.deployments.ApiClient;
import dev.flowgate.deployments.IntegrationTest;
import dev.flowgate.deployments.SampleFlows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Optimistic concurrency over the real store: a deployment's or flow's {@code ETag}, a
 * write whose {@code If-Match} is stale refused with 412 and nothing changed, and a read
 * whose {@code If-None-Match} is current answered 304.
 */
@IntegrationTest
class ConditionalRequestsTest {

	@Autowired
	private MockMvc mvc;

	private ApiClient api;

	private String flowId;

	@BeforeEach
	void ownerWithAFlow() {
		this.api = ApiClient.forNewOwner(this.mvc);
		this.flowId = this.api.post("/v1/flows", SampleFlows.ANSWER).text("id");
	}

	@Test
	void answersEveryStateOfADeploymentWithAStrongETagThatChangesWithIt() {
		MockHttpServletResponse created = send(post("/v1/deployments").contentType(MediaType.APPLICATION_JSON)
			.content("{\"flowId\":\"%s\"}".formatted(this.flowId)));
		String id = ApiClient.json(created).path("id").asString();
		String first = created.getHeader(HttpHeaders.ETAG);

		MockHttpServletResponse read = send(get(path(id)));
		MockHttpServletResponse changed = send(patchJson(path(id), "{\"name\":\"renamed\"}"));

		assertThat(created.getStatus()).isEqualTo(201);
		assertThat(first).matches("\"[^\"]+\"");
		assertThat(read.getHeader(HttpHeaders.ETAG)).isEqualTo(first);
		assertThat(changed.getStatus()).isEqualTo(200);
		assertThat(changed.getHeader(HttpHeaders.ETAG)).matches("\"[^\"]+\"").isNotEqualTo(first);
		assertThat(send(get(path(id))).getHeader(HttpHeaders.ETAG)).isEqualTo(changed.getHeader(HttpHeaders.ETAG));
	}

	@Test
	void refusesAPatchWhoseIfMatchIsStaleAndChangesNothing() {
		String id = deploy();
		String read = send(get(path(id))).getHeader(HttpHeaders.ETAG);
		String current = send(patchJson(path(id), "{\"name\":\"first writer\"}")).getHeader(HttpHeaders.ETAG);

		MockHttpServletResponse refused = send(
				patchJson(path(id), "{\"name\":\"second writer\"}").header(HttpHeaders.IF_MATCH, read));

		assertThat(refused.getStatus()).isEqualTo(412);
		assertThat(refused.getContentType()).isEqualTo("application/problem+json");
		assertThat(ApiClient.json(refused).path("title").asString()).isEqualTo("Precondition Failed");
		assertThat(ApiClient.json(refused).path("detail").asString())
			.isEqualTo("Deployment '%s' has changed since it was read; read it again and retry".formatted(id));
		assertThat(refused.getHeader(HttpHeaders.ETAG)).isEqualTo(current);
		MockHttpServletResponse after = send(get(path(id)));
		assertThat(ApiClient.json(after).path("name").asString()).isEqualTo("first writer");
		assertThat(after.getHeader(HttpHeaders.ETAG)).isEqualTo(current);
	}

	@Test
	void refusesARedeployWhoseIfMatchIsStaleAndKeepsThePinnedVersion() {
		String id = deploy();
		String read = send(get(path(id))).getHeader(HttpHeaders.ETAG);
		send(patchJson(path(id), "{\"enabled\":false}"));
		this.api.put("/v1/flows/" + this.flowId, SampleFlows.ANSWER_V2);

		MockHttpServletResponse refused = send(
				patchJson(path(id), "{\"flowVersion\":2}").header(HttpHeaders.IF_MATCH, read));

		assertThat(refused.getStatus()).isEqualTo(412);
		assertThat(ApiClient.json(send(get(path(id)))).path("flowVersion").asInt()).isEqualTo(1);
	}

	@Test
	void appliesAPatchWhoseIfMatchIsCurrentOrAny() {
		String id = deploy();
		String read = send(get(path(id))).getHeader(HttpHeaders.ETAG);

		MockHttpServletResponse changed = send(
				patchJson(path(id), "{\"name\":\"renamed\"}").header(HttpHeaders.IF_MATCH, "\"other\", " + read));
		MockHttpServletResponse anyState = send(
				patchJson(path(id), "{\"enabled\":false}").header(HttpHeaders.IF_MATCH, "*"));

		assertThat(changed.getStatus()).isEqualTo(200);
		assertThat(ApiClient.json(changed).path("name").asString()).isEqualTo("renamed");
		assertThat(changed.getHeader(HttpHeaders.ETAG)).isNotEqualTo(read);
		assertThat(anyState.getStatus()).isEqualTo(200);
		assertThat(ApiClient.json(anyState).path("enabled").asBoolean()).isFalse();
		assertThat(anyState.getHeader(HttpHeaders.ETAG)).isNotEqualTo(changed.getHeader(HttpHeaders.ETAG));
	}

	@Test
	void refusesAWeakIfMatchAsAPatchNeedsTheStrongComparison() {
		String id = deploy();
		String read = send(get(path(id))).getHeader(HttpHeaders.ETAG);

		MockHttpServletResponse refused = send(
				patchJson(path(id), "{\"name\":\"renamed\"}").header(HttpHeaders.IF_MATCH, "W/" + read));

		assertThat(refused.getStatus()).isEqualTo(412);
		assertThat(ApiClient.json(send(get(path(id)))).path("name").asString()).isEqualTo("Answer");
	}

	@Test
	void deletesADeploymentOnlyWhileItsIfMatchIsCurrent() {
		String id = deploy();
		String read = send(get(path(id))).getHeader(HttpHeaders.ETAG);
		String current = send(patchJson(path(id), "{\"enabled\":false}")).getHeader(HttpHeaders.ETAG);

		MockHttpServletResponse refused = send(delete(path(id)).header(HttpHeaders.IF_MATCH, read));

		assertThat(refused.getStatus()).isEqualTo(412);
		assertThat(refused.getHeader(HttpHeaders.ETAG)).isEqualTo(current);
		assertThat(send(get(path(id))).getStatus()).isEqualTo(200);
		assertThat(send(delete(path(id)).header(HttpHeaders.IF_MATCH, current)).getStatus()).isEqualTo(204);
		assertThat(send(get(path(id))).getStatus()).isEqualTo(404);
	}

	@Test
	void answersNotModifiedToAReadWhoseIfNoneMatchIsCurrent() {
		String id = deploy();
		String read = send(get(path(id))).getHeader(HttpHeaders.ETAG);

		MockHttpServletResponse unchanged = send(get(path(id)).header(HttpHeaders.IF_NONE_MATCH, read));
		send(patchJson(path(id), "{\"enabled\":false}"));
		MockHttpServletResponse changed = send(get(path(id)).header(HttpHeaders.IF_NONE_MATCH, read));

		assertThat(unchanged.getStatus()).isEqualTo(304);
		assertThat(unchanged.getContentAsByteArray()).isEmpty();
		assertThat(changed.getStatus()).isEqualTo(200);
		assertThat(ApiClient.json(changed).path("enabled").asBoolean()).isFalse();
	}

	@Test
	void answersAFlowWithItsLatestVersionNumberAsETag() {
		MockHttpServletResponse created = send(
				post("/v1/flows").contentType(MediaType.APPLICATION_JSON).content(SampleFlows.ANSWER));
		String id = ApiClient.json(created).path("id").asString();

		MockHttpServletResponse updated = send(putJson("/v1/flows/" + id, SampleFlows.ANSWER_V2));

		assertThat(created.getHeader(HttpHeaders.ETAG)).isEqualTo("\"1\"");
		assertThat(updated.getHeader(HttpHeaders.ETAG)).isEqualTo("\"2\"");
		assertThat(send(get("/v1/flows/" + id)).getHeader(HttpHeaders.ETAG)).isEqualTo("\"2\"");
		assertThat(send(get("/v1/flows/" + id + "/versions/1")).getHeader(HttpHeaders.ETAG)).isEqualTo("\"1\"");
	}

	@Test
	void refusesAFlowVersionBasedOnAStaleOneAndStoresNothing() {
		send(putJson("/v1/flows/" + this.flowId, SampleFlows.ANSWER_V2));

		MockHttpServletResponse refused = send(
				putJson("/v1/flows/" + this.flowId, SampleFlows.ANSWER).header(HttpHeaders.IF_MATCH, "\"1\""));

		assertThat(refused.getStatus()).isEqualTo(412);
		assertThat(refused.getContentType()).isEqualTo("application/problem+json");
		assertThat(ApiClient.json(refused).path("detail").asString())
			.isEqualTo("Flow '%s' has changed since it was read; read it again and retry".formatted(this.flowId));
		assertThat(refused.getHeader(HttpHeaders.ETAG)).isEqualTo("\"2\"");
		assertThat(this.api.get("/v1/flows/" + this.flowId + "/versions/3").status()).isEqualTo(404);
		assertThat(this.api.get("/v1/flows/" + this.flowId).text("name")).isEqualTo("Answer v2");
	}

	@Test
	void storesTheNextFlowVersionWhileItsIfMatchIsCurrent() {
		MockHttpServletResponse updated = send(
				putJson("/v1/flows/" + this.flowId, SampleFlows.ANSWER_V2).header(HttpHeaders.IF_MATCH, "\"1\""));
		MockHttpServletResponse anyVersion = send(
				putJson("/v1/flows/" + this.flowId, SampleFlows.ANSWER).header(HttpHeaders.IF_MATCH, "*"));

		assertThat(updated.getStatus()).isEqualTo(200);
		assertThat(updated.getHeader(HttpHeaders.ETAG)).isEqualTo("\"2\"");
		assertThat(anyVersion.getStatus()).isEqualTo(200);
		assertThat(ApiClient.json(anyVersion).path("version").asInt()).isEqualTo(3);
	}

	@Test
	void answersNotModifiedToAFlowReadWhoseIfNoneMatchIsCurrent() {
		MockHttpServletResponse unchanged = send(
				get("/v1/flows/" + this.flowId).header(HttpHeaders.IF_NONE_MATCH, "\"1\""));

		assertThat(unchanged.getStatus()).isEqualTo(304);
		assertThat(send(get("/v1/flows/" + this.flowId).header(HttpHeaders.IF_NONE_MATCH, "\"7\"")).getStatus())
			.isEqualTo(200);
	}

	private String deploy() {
		return this.api.post("/v1/deployments", "{\"flowId\":\"%s\"}".formatted(this.flowId)).text("id");
	}

	private static String path(String deploymentId) {
		return "/v1/deployments/" + deploymentId;
	}

	private static MockHttpServletRequestBuilder patchJson(String path, String json) {
		return patch(path).contentType(MediaType.APPLICATION_JSON).content(json);
	}

	private static MockHttpServletRequestBuilder putJson(String path, String json) {
		return put(path).contentType(MediaType.APPLICATION_JSON).content(json);
	}

	/** As the gateway forwards it, conditional headers included. */
	private MockHttpServletResponse send(MockHttpServletRequestBuilder request) {
		try {
			return this.mvc
				.perform(request.header("X-Flowgate-Internal-Token", IntegrationTest.TOKEN)
					.header("X-Flowgate-Owner-Id", this.api.ownerId()))
				.andReturn()
				.getResponse();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
