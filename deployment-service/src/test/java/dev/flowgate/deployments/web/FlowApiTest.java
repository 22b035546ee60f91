package dev.flowgate.deployments.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.flowgate.deployments.ApiClient;
import dev.flowgate.deployments.ApiClient.Response;
import dev.flowgate.deployments.IntegrationTest;
import dev.flowgate.deployments.SampleFlows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

@IntegrationTest
class FlowApiTest {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private MongoTemplate mongo;

	private ApiClient api;

	@BeforeEach
	void newOwner() {
		this.api = ApiClient.forNewOwner(this.mvc);
	}

	@Test
	void createsAFlowAsVersionOne() {
		Response created = this.api.post("/v1/flows", SampleFlows.ANSWER);

		assertThat(created.status()).isEqualTo(201);
		String id = created.text("id");
		assertThat(created.location()).isEqualTo("/v1/flows/" + id);
		assertThat(created.json().path("version").asInt()).isEqualTo(1);
		Response read = this.api.get("/v1/flows/" + id);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.text("name")).isEqualTo("Answer");
		assertThat(read.json().path("nodes")).hasSize(4);
		assertThat(read.json().path("nodes").get(2).path("config").path("temperature").asDouble()).isEqualTo(0.2);
		assertThat(read.json().path("edges").get(0).path("to").asString()).isEqualTo("prompt");
		assertThat(read.text("createdAt")).isNotBlank().isEqualTo(created.text("createdAt"));
	}

	@Test
	void putStoresTheNextVersionAndKeepsTheOldOne() {
		String id = this.api.post("/v1/flows", SampleFlows.ANSWER).text("id");

		Response updated = this.api.put("/v1/flows/" + id, SampleFlows.ANSWER_V2);

		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.json().path("version").asInt()).isEqualTo(2);
		assertThat(this.api.get("/v1/flows/" + id).json().path("nodes")).hasSize(5);
		Response first = this.api.get("/v1/flows/" + id + "/versions/1");
		assertThat(first.text("name")).isEqualTo("Answer");
		assertThat(first.json().path("nodes")).hasSize(4);
		assertThat(this.api.get("/v1/flows/" + id + "/versions/3").status()).isEqualTo(404);
	}

	@Test
	void takesAFlowBackAsAGetAnswersItWithAnEditorsMembersButRefusesAnUnknownOne() {
		String id = this.api.post("/v1/flows", SampleFlows.ANSWER).text("id");
		ObjectNode fetched = (ObjectNode) this.api.get("/v1/flows/" + id).json();
		fetched.put("name", "Answer, edited");
		((ObjectNode) fetched.path("nodes").get(0)).putObject("position").put("x", 10).put("y", 20);
		((ObjectNode) fetched.path("edges").get(0)).put("label", "question");

		Response resent = this.api.put("/v1/flows/" + id, fetched.toString());
		Response misspelt = this.api.put("/v1/flows/" + id, fetched.put("edgse", "[]").toString());

		assertThat(resent.status()).isEqualTo(200);
		assertThat(resent.json().path("version").asInt()).isEqualTo(2);
		assertThat(resent.text("name")).isEqualTo("Answer, edited");
		assertThat(resent.json().path("nodes")).hasSize(4);
		assertThat(misspelt.status()).isEqualTo(400);
		assertThat(misspelt.text("detail"))
			.isEqualTo("edgse is not a known member (known: description, edges, name, nodes)");
		assertThat(this.api.get("/v1/flows/" + id).json().path("version").asInt()).isEqualTo(2);
	}

	@Test
	void listsTheOwnersFlowsWithTheirLatestVersion() {
		String first = this.api.post("/v1/flows", SampleFlows.ANSWER).text("id");
		this.api.put("/v1/flows/" + first, SampleFlows.ANSWER_V2);
		this.api.asAnotherOwner().post("/v1/flows", SampleFlows.ANSWER);

		JsonNode items = this.api.get("/v1/flows").json().path("items");

		assertThat(items).hasSize(1);
		assertThat(items.get(0).path("id").asString()).isEqualTo(first);
		assertThat(items.get(0).path("name").asString()).isEqualTo("Answer v2");
		assertThat(items.get(0).path("latestVersion").asInt()).isEqualTo(2);
		assertThat(items.get(0).path("updatedAt").isString()).isTrue();
	}

	@Test
	void pagesTheFlowsRecentlyChangedFirstWithACursor() {
		List<String> ids = createFlows(5);
		// Three changed in the same millisecond: their ids, descending, order them.
		Instant changed = Instant.parse("2026-11-23T10:15:30.123Z");
		changedAt(ids.get(0), changed);
		ids.subList(1, 4).forEach((id) -> changedAt(id, changed.plusMillis(1)));
		changedAt(ids.get(4), changed.plusMillis(2));
		List<String> tied = ids.subList(1, 4).stream().sorted(Comparator.reverseOrder()).toList();

		List<JsonNode> pages = ListPages.walk(this.api, "/v1/flows", 2);

		assertThat(ListPages.sizes(pages)).containsExactly(2, 2, 1);
		assertThat(ListPages.items(pages, "id")).containsExactly(ids.get(4), tied.get(0), tied.get(1), tied.get(2),
				ids.get(0));
		assertThat(pages.get(0).path("nextCursor").isString()).isTrue();
		assertThat(pages.get(2).path("nextCursor").isNull()).as("the last page's nextCursor").isTrue();
		JsonNode whole = this.api.get("/v1/flows").json();
		assertThat(whole.path("items")).as("up to 100 by default").hasSize(5);
		assertThat(whole.path("nextCursor").isNull()).isTrue();
	}

	@Test
	void pagesAFlowsVersionsNewestFirstWithACursor() {
		String id = this.api.post("/v1/flows", SampleFlows.ANSWER).text("id");
		for (int version = 2; version <= 5; version++) {
			assertThat(this.api.put("/v1/flows/" + id, SampleFlows.ANSWER_V2).status()).isEqualTo(200);
		}

		List<JsonNode> pages = ListPages.walk(this.api, "/v1/flows/" + id + "/versions", 2);

		assertThat(ListPages.sizes(pages)).containsExactly(2, 2, 1);
		assertThat(ListPages.items(pages, "version")).containsExactly("5", "4", "3", "2", "1");
		assertThat(pages.get(2).path("nextCursor").isNull()).as("the last page's nextCursor").isTrue();
		JsonNode whole = this.api.get("/v1/flows/" + id + "/versions").json();
		assertThat(whole.path("items")).as("up to 100 by default").hasSize(5);
		assertThat(whole.path("nextCursor").isNull()).isTrue();
	}

	@Test
	void refusesBadPagingOfFlowsAndVersionsAsTheExecutionsListDoes() {
		String id = this.api.post("/v1/flows", SampleFlows.ANSWER).text("id");

		ListPages.assertRefusesBadPagingAsTheExecutionsListDoes(this.api, "/v1/flows");
		ListPages.assertRefusesBadPagingAsTheExecutionsListDoes(this.api, "/v1/flows/" + id + "/versions");
	}

	@Test
	void answersAnOutOfRangeLimitWith400() {
		Response refused = this.api.get("/v1/flows?limit=0");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.contentType()).isEqualTo("application/problem+json");
		assertThat(refused.text("title")).isEqualTo("Invalid request");
		assertThat(refused.invalidFields()).containsExactly("limit");
		assertThat(refused.json().path("errors").get(0).path("message").asString()).isEqualTo("must be from 1 to 100");
		assertThat(refused.text("detail")).isEqualTo("limit must be from 1 to 100");
	}

	@Test
	void rejectsAnInvalidFlowWithEveryProblem() {
		String invalid = """
				{"name":"Broken","nodes":[
				 {"id":"q","type":"input","config":{}},
				 {"id":"ask","type":"llm","config":{"prompt":"{{missing.text}}"}},
				 {"id":"x","type":"magic"}],
				 "edges":[{"from":"q","to":"ask"},{"from":"ask","to":"x"}]}
				""";

		Response rejected = this.api.post("/v1/flows", invalid);

		assertThat(rejected.status()).isEqualTo(422);
		assertThat(rejected.contentType()).isEqualTo("application/problem+json");
		assertThat(rejected.text("type")).isEqualTo("/problems/invalid-flow");
		assertThat(rejected.json().findValuesAsString("nodeId")).contains("ask", "x");
		assertThat(rejected.json().path("errors").valueStream().map((error) -> error.path("message").asString()))
			.contains("model is required", "prompt: {{missing.text}} refers to unknown node 'missing'",
					"the flow needs at least one output node");
		assertThat(this.api.get("/v1/flows").json().path("items")).isEmpty();
	}

	@Test
	void namesTheFieldOfAFlowProblemBesideItsNode() {
		String nameless = """
				{"name":" ","nodes":[
				 {"id":"ask","type":"llm","config":{"prompt":"hi"}},
				 {"id":"answer","type":"output","config":{"name":"answer","value":"{{ask.text}}"}}],
				 "edges":[{"from":"ask","to":"answer"}]}
				""";

		Response rejected = this.api.post("/v1/flows", nameless);

		assertThat(rejected.status()).isEqualTo(422);
		assertThat(rejected.json()
			.path("errors")
			.valueStream()
			.map((error) -> error.path("nodeId").asString(null) + " " + error.path("field").asString(null) + " "
					+ error.path("message").asString()))
			.containsExactlyInAnyOrder("null name is required", "ask null model is required");
	}

	@Test
	void rejectsNullNodesAndEdgesWith422() {
		Response rejected = this.api.post("/v1/flows", "{\"name\":\"Holes\",\"nodes\":[null],\"edges\":[null]}");

		assertThat(rejected.status()).isEqualTo(422);
		assertThat(rejected.json().path("errors").valueStream().map((error) -> error.path("message").asString()))
			.containsExactly("must hold objects, not null", "must hold objects, not null");
		assertThat(rejected.json().path("errors").valueStream().map((error) -> error.path("field").asString()))
			.containsExactly("nodes", "edges");
		assertThat(rejected.json().path("errors").valueStream().map((error) -> error.path("nodeId").isNull()))
			.containsOnly(true);
	}

	@Test
	void rejectsAnHttpNodeThatSetsTheHostHeaderWith422() {
		String hostHeader = """
				{"name":"Spoof","nodes":[
				 {"id":"call","type":"http","config":{"url":"https://api.example.com/orders","headers":{"Host":"internal.example"}}},
				 {"id":"answer","type":"output","config":{"name":"answer","value":"{{call.body}}"}}],
				 "edges":[{"from":"call","to":"answer"}]}
				""";

		Response rejected = this.api.post("/v1/flows", hostHeader);

		assertThat(rejected.status()).isEqualTo(422);
		assertThat(rejected.contentType()).isEqualTo("application/problem+json");
		JsonNode error = rejected.json().path("errors").get(0);
		assertThat(rejected.json().path("errors")).hasSize(1);
		assertThat(error.path("nodeId").asString()).isEqualTo("call");
		assertThat(error.has("field")).isFalse();
		assertThat(error.path("message").asString())
			.isEqualTo("headers: 'Host' is set by the HTTP client and cannot be set by a flow");
		assertThat(this.api.get("/v1/flows").json().path("items")).isEmpty();
	}

	@Test
	void rejectsAnInvalidNextVersionAndKeepsTheCurrentOne() {
		String id = this.api.post("/v1/flows", SampleFlows.ANSWER).text("id");

		Response rejected = this.api.put("/v1/flows/" + id, "{\"name\":\"Empty\",\"nodes\":[],\"edges\":[]}");

		assertThat(rejected.status()).isEqualTo(422);
		assertThat(this.api.get("/v1/flows/" + id).json().path("version").asInt()).isEqualTo(1);
	}

	@Test
	void countsTheNodesOfAVersionStoredWithoutItsCount() {
		String id = this.api.post("/v1/flows", SampleFlows.ANSWER).text("id");
		this.mongo.updateFirst(Query.query(where("_id").is(id + ":1")), new Update().unset("nodeCount"),
				"flow_versions");

		JsonNode versions = this.api.get("/v1/flows/" + id + "/versions").json().path("items");

		assertThat(versions.get(0).path("nodeCount").asInt()).isEqualTo(4);
		assertThat(this.mongo.findById(id + ":1", Document.class, "flow_versions").get("nodeCount"))
			.as("kept for the next list")
			.isEqualTo(4);
	}

	@Test
	void listsAFlowsVersionsNewestFirst() {
		String id = this.api.post("/v1/flows", SampleFlows.ANSWER).text("id");
		this.api.put("/v1/flows/" + id, SampleFlows.ANSWER_V2);

		JsonNode versions = this.api.get("/v1/flows/" + id + "/versions").json().path("items");

		assertThat(versions.valueStream().map((version) -> version.path("version").asInt())).containsExactly(2, 1);
		assertThat(versions.get(0).path("name").asString()).isEqualTo("Answer v2");
		assertThat(versions.get(1).path("nodeCount").asInt()).isEqualTo(4);
		assertThat(versions.get(0).has("nodes")).isFalse();
		assertThat(this.api.get("/v1/flows/unknown/versions").status()).isEqualTo(404);
		assertThat(this.api.asAnotherOwner().get("/v1/flows/" + id + "/versions").status()).isEqualTo(404);
	}

	@Test
	void hidesAnotherOwnersFlow() {
		String id = this.api.post("/v1/flows", SampleFlows.ANSWER).text("id");
		ApiClient stranger = this.api.asAnotherOwner();

		assertThat(stranger.get("/v1/flows/" + id).status()).isEqualTo(404);
		assertThat(stranger.get("/v1/flows/" + id + "/versions/1").status()).isEqualTo(404);
		assertThat(stranger.put("/v1/flows/" + id, SampleFlows.ANSWER_V2).status()).isEqualTo(404);
		assertThat(stranger.delete("/v1/flows/" + id).status()).isEqualTo(404);
		assertThat(this.api.get("/v1/flows/" + id).json().path("version").asInt()).isEqualTo(1);
	}

	@Test
	void deletesAFlowWithItsVersions() {
		String id = this.api.post("/v1/flows", SampleFlows.ANSWER).text("id");

		assertThat(this.api.delete("/v1/flows/" + id).status()).isEqualTo(204);

		assertThat(this.api.get("/v1/flows/" + id).status()).isEqualTo(404);
		assertThat(this.api.get("/v1/flows/" + id + "/versions/1").status()).isEqualTo(404);
	}

	@Test
	void showsNoVersionsOfAFlowWhoseDeleteWasCutShort() {
		String id = this.api.post("/v1/flows", SampleFlows.ANSWER).text("id");
		// The process died between removing the flow and removing its versions.
		this.mongo.remove(Query.query(where("_id").is(id)), "flows");

		assertThat(this.api.get("/v1/flows/" + id + "/versions").status()).isEqualTo(404);
		assertThat(this.api.get("/v1/flows/" + id + "/versions/1").status()).isEqualTo(404);
	}

	@Test
	void rejectsCallsWithoutTheInternalToken() {
		Response response = this.api.performWithoutInternalHeaders(
				MockMvcRequestBuilders.get("/v1/flows").header("X-Flowgate-Owner-Id", this.api.ownerId()));

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		assertThat(response.text("detail")).contains("X-Flowgate-Internal-Token");
	}

	@Test
	void rejectsCallsWithAWrongInternalToken() {
		Response response = this.api.performWithoutInternalHeaders(MockMvcRequestBuilders.get("/v1/flows")
			.header("X-Flowgate-Internal-Token", "guess")
			.header("X-Flowgate-Owner-Id", this.api.ownerId()));

		assertThat(response.status()).isEqualTo(401);
	}

	private List<String> createFlows(int count) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(this.api.post("/v1/flows", SampleFlows.ANSWER).text("id"));
		}
		return ids;
	}

	private void changedAt(String flowId, Instant at) {
		this.mongo.updateFirst(Query.query(where("_id").is(flowId)), new Update().set("updatedAt", at), "flows");
	}

}
