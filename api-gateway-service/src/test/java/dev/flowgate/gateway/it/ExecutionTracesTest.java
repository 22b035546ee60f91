package dev.flowgate.gateway.it;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.contracts.KeyScope;
import dev.flowgate.gateway.support.DeploymentStates;
import dev.flowgate.gateway.support.FakeRunner.Behaviour;
import dev.flowgate.gateway.support.FakeService.Reply;
import dev.flowgate.gateway.support.Http;
import dev.flowgate.gateway.support.TestStack;
import dev.flowgate.gateway.support.TestStack.Tenant;
import dev.flowgate.infra.test.FlowgateInfra;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An execution's trace is the owner's debugging data (every node's output, an http node's
 * upstream answer): the system calling the endpoint with a key of scope {@code run} gets
 * the execution without it, the owner's tools (scope {@code manage}) with it.
 */
@FlowgateInfra
class ExecutionTracesTest {

	/** What deployment-service answers: an http node's upstream answer in the trace. */
	private static final String TRACED = """
			{"id":"%s","deployment_id":"d-traced","flow_version":3,"status":"succeeded",\
			"input_data":{"city":"Berlin"},\
			"output_data":{"amount":1.50,"big":123456789012345678901234567890.5,"note":"café"},"error":null,\
			"trace":[{"node_id":"fetch","node_type":"http","status":"succeeded",\
			"started_at":"2026-01-01T00:00:00Z","duration_ms":12,\
			"output":{"status":200,"headers":{"set-cookie":"session=upstream-secret"},"body":"upstream-secret"},\
			"error":null,"attempts":1,"tokens":{"prompt":0,"completion":0}}],\
			"duration_seconds":0.012,"source":"native","key_id":"k-1","replay_of":null,\
			"created_at":"2026-01-01T00:00:00Z","started_at":"2026-01-01T00:00:00Z",\
			"finished_at":"2026-01-01T00:00:01Z","cancel_requested_at":null,\
			"links":{"self":"/v1/executions/%1$s","deployment":"/v1/deployments/d-traced"}}""";

	private static final String ETAG = "\"v7\"";

	private final TestStack stack = TestStack.get();

	/** Both scopes, as the owner's own keys have. */
	private final Tenant owner = this.stack.newTenant((key) -> key);

	private final Tenant runOnly = this.stack.newKey(this.owner.ownerId(), (key) -> key.scopes(KeyScope.RUN));

	@Test
	void answersATriggerWithTheTraceOnlyToAKeyWithScopeManage() {
		DeploymentStateChanged deployment = this.stack.deploy(DeploymentStates.of(this.owner.ownerId()),
				Behaviour.ECHO);
		this.stack.awaitVisible(this.owner, deployment.deploymentId());
		this.stack.awaitVisible(this.runOnly, deployment.deploymentId());

		Http.Response run = trigger(deployment, this.runOnly);
		Http.Response manage = trigger(deployment, this.owner);

		assertThat(manage.status()).as(manage.toString()).isEqualTo(200);
		assertThat(manage.json().get("trace").get(0).get("output").get("city").asString()).isEqualTo("Berlin");
		assertThat(run.status()).as(run.toString()).isEqualTo(200);
		assertThat(run.json().has("trace")).as("left out, not empty").isFalse();
		ObjectNode ownersView = (ObjectNode) manage.json();
		ownersView.remove("trace");
		assertThat(run.json().propertyNames()).containsExactlyElementsOf(ownersView.propertyNames());
		for (String member : new String[] { "deployment_id", "flow_version", "status", "input_data", "output_data",
				"error", "source" }) {
			assertThat(run.json().get(member)).as(member).isEqualTo(ownersView.get(member));
		}
	}

	@Test
	void removesTheTraceFromAPollOrCancelAnswerForAKeyWithoutScopeManage() {
		String id = "traced-" + this.owner.keyId();
		String path = "/v1/executions/" + id;
		this.stack.deploymentService.on("GET", path, (request) -> new Reply(200,
				Map.of("Content-Type", "application/json", "Cache-Control", "no-store"), TRACED.formatted(id)));
		this.stack.deploymentService.on("POST", path + "/cancel", (request) -> new Reply(202,
				Map.of("Content-Type", "application/json", "Location", path), TRACED.formatted(id)));
		Tenant manageOnly = this.stack.newKey(this.owner.ownerId(), (key) -> key.scopes(KeyScope.MANAGE));
		this.stack.awaitVisible(this.runOnly);
		this.stack.awaitVisible(this.owner);
		this.stack.awaitVisible(manageOnly);

		Http.Response run = Http.get(this.stack.a.url(path), this.runOnly.bearer());
		Http.Response manage = Http.get(this.stack.a.url(path), this.owner.bearer());
		Http.Response manageOnlyPoll = Http.get(this.stack.a.url(path), manageOnly.bearer());
		Http.Response cancel = Http.post(this.stack.a.url(path + "/cancel"), this.runOnly.bearer(), "");

		assertThat(manage.body()).as("passed on as sent").isEqualTo(TRACED.formatted(id));
		assertThat(manageOnlyPoll.body()).isEqualTo(TRACED.formatted(id));
		assertThat(run.status()).isEqualTo(200);
		assertThat(run.body()).doesNotContain("upstream-secret");
		assertThat(run.json()).isEqualTo(withoutTrace(manage.json()));
		assertThat(run.body()).as("numbers as sent").contains("\"amount\":1.50", "123456789012345678901234567890.5");
		assertThat(run.header("Content-Type")).isEqualTo("application/json");
		assertThat(run.header("Cache-Control")).isEqualTo("no-store");
		assertThat(run.header("Content-Length")).isEqualTo(byteLength(run.body()));
		assertThat(cancel.status()).isEqualTo(202);
		assertThat(cancel.header("Location")).isEqualTo(path);
		assertThat(cancel.json()).isEqualTo(withoutTrace(manage.json()));
	}

	@Test
	void removesTheTraceWhateverTypeTheAnswerIsLabelledAndRefusesOneThatIsNoJson() {
		String id = "vendor-" + this.owner.keyId();
		String path = "/v1/executions/" + id;
		// As deployment-service would answer a caller that asked for another JSON type.
		this.stack.deploymentService.on("GET", path, (request) -> new Reply(200,
				Map.of("Content-Type", "application/vnd.anything+json"), TRACED.formatted(id)));
		this.stack.deploymentService.on("GET", path + "-garbled",
				(request) -> new Reply(200, Map.of("Content-Type", "text/plain"), "trace: upstream-secret"));
		this.stack.awaitVisible(this.runOnly);

		Http.Response vendor = Http.get(this.stack.a.url(path),
				Map.of("Authorization", "Bearer " + this.runOnly.key(), "Accept", "application/vnd.anything+json"));
		Http.Response garbled = Http.get(this.stack.a.url(path + "-garbled"), this.runOnly.bearer());

		assertThat(vendor.status()).isEqualTo(200);
		assertThat(vendor.body()).doesNotContain("upstream-secret");
		assertThat(vendor.json().has("trace")).isFalse();
		assertThat(garbled.status()).isEqualTo(502);
		assertThat(garbled.body()).doesNotContain("upstream-secret");
	}

	@Test
	void answersHeadAndConditionalPollsOfAKeyWithoutScopeManageAsItsGet() {
		String id = "conditional-" + this.owner.keyId();
		String path = "/v1/executions/" + id;
		this.stack.deploymentService.on("GET", path, (request) -> ETAG.equals(request.header("If-None-Match"))
				? new Reply(304, Map.of("ETag", ETAG), "")
				: new Reply(200, Map.of("Content-Type", "application/json", "ETag", ETAG), TRACED.formatted(id)));
		this.stack.awaitVisible(this.runOnly);

		Http.Response get = Http.get(this.stack.a.url(path), this.runOnly.bearer());
		Http.Response head = Http.send("HEAD", this.stack.a.url(path), this.runOnly.bearer(), null);
		Http.Response unchanged = Http.get(this.stack.a.url(path),
				Map.of("Authorization", "Bearer " + this.runOnly.key(), "If-None-Match", ETAG));

		assertThat(get.json().has("trace")).isFalse();
		assertThat(get.header("ETag")).isEqualTo(ETAG);
		assertThat(head.status()).isEqualTo(200);
		assertThat(head.body()).isEmpty();
		assertThat(head.header("Content-Length")).as("the GET's length, without the trace")
			.isEqualTo(byteLength(get.body()));
		assertThat(unchanged.status()).isEqualTo(304);
		assertThat(unchanged.body()).isEmpty();
		assertThat(unchanged.header("ETag")).isEqualTo(ETAG);
	}

	private Http.Response trigger(DeploymentStateChanged deployment, Tenant caller) {
		return Http.post(this.stack.a.url("/v1/deployments/" + deployment.deploymentId() + "/executions"),
				caller.bearer(), Map.of("input_data", Map.of("city", "Berlin")));
	}

	private static JsonNode withoutTrace(JsonNode execution) {
		ObjectNode copy = (ObjectNode) execution.deepCopy();
		copy.remove("trace");
		return copy;
	}

	private static String byteLength(String body) {
		return String.valueOf(body.getBytes(StandardCharsets.UTF_8).length);
	}

}
