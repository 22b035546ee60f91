package dev.flowgate.system.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.flowgate.infra.test.HttpStub;
import dev.flowgate.system.Api;
import dev.flowgate.system.CallbackReceiver;
import dev.flowgate.system.IssuedSecrets;
import dev.flowgate.system.LlmStub;
import dev.flowgate.system.OpenApiContract;
import dev.flowgate.system.Owner;
import dev.flowgate.system.SystemStack;
import dev.flowgate.system.load.SlowStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A new user's way through Flowgate, over HTTP only: an operator creates the owner, the
 * owner makes a key, builds a flow that calls an HTTP API, branches and asks an LLM,
 * deploys it sync and async, triggers it through all three APIs, gets the signed callback
 * and the email, reads history, usage, the API documents and example code, manages keys,
 * replays an execution and a delivery, rotates the key, ships a new version, gets
 * callbacks going again after a receiver answered 410, deletes the deployment and a flow,
 * and finally the operator deletes the owner. The steps build on each other, so they run
 * in order. Every answer of the native and management API on the way must match the
 * gateway's OpenAPI document, with no member it does not describe, and every operation
 * the document lists must have been called: both checked last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JourneyIT {

	private static final Duration DELIVERY = Duration.ofSeconds(60);

	/**
	 * Longer than the whole test: the call is still out when the execution is cancelled.
	 */
	private static final int SLOW_API_MILLIS = 300_000;

	/** Generous for a loaded machine, and below the client's 60 s request timeout. */
	private static final int SYNC_TIMEOUT_SECONDS = 50;

	private final SystemStack stack = SystemStack.shared();

	private final OpenApiContract contract = OpenApiContract.load(OpenApiContract.GATEWAY_DOCUMENT);

	private final Api api = this.stack.api().reportingTo(this.contract);

	private final String runId = UUID.randomUUID().toString().substring(0, 8);

	private final String mailbox = "journey-" + this.runId + "@example.com";

	private HttpStub weatherApi;

	private CallbackReceiver receiver;

	private Deliveries deliveries;

	private Owner owner;

	private Owner.ApiKey appKey;

	private String webhookSecret;

	private String flowId;

	private String syncId;

	private String asyncId;

	private String syncExecutionId;

	private String asyncExecutionId;

	private String callbackDeliveryId;

	@BeforeAll
	void signUpAndDeploy() {
		this.weatherApi = WeatherFlow.startWeatherApi();
		this.receiver = CallbackReceiver.start();
		this.owner = Owner.create(this.stack, this.api, "journey-" + this.runId);
		this.deliveries = new Deliveries(this.owner, this.receiver);
		this.appKey = this.owner.newKey(Map.of("name", "app", "scopes", List.of("run")));
		JsonNode secret = this.owner.post("/v1/webhook-secret/rotate", Map.of(), 200).json();
		assertThat(secret.at("/rotated").asBoolean()).isFalse();
		this.webhookSecret = secret.at("/secret").asString();
		JsonNode flow = this.owner.post("/v1/flows", WeatherFlow.version1(this.weatherApi.baseUrl()), 201).json();
		assertThat(flow.at("/version").asInt()).isEqualTo(1);
		this.flowId = flow.at("/id").asString();
		this.syncId = deploy("sync", "production", null);
		this.asyncId = deploy("async", "test",
				Map.of("callbackUrl", this.receiver.url(), "email", this.mailbox, "allowCallbackOverride", false));
	}

	@AfterAll
	void stopStubs() {
		this.weatherApi.close();
		this.receiver.close();
	}

	@Test
	@Order(1)
	void syncDeploymentAnswersOnTheNativeEndpoint() {
		String question = "Picnic " + this.runId + "?";
		Api.Response answer = Triggers.untilDeployed(() -> this.api.post(nativePath(this.syncId), this.appKey.bearer(),
				Map.of("input_data", Map.of("question", question, "city", WeatherFlow.WARM_CITY))));

		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.contentType()).startsWith("application/json");
		JsonNode execution = answer.json();
		this.syncExecutionId = execution.at("/id").asString();
		assertThat(execution.at("/status").asString()).isEqualTo("succeeded");
		assertThat(execution.at("/source").asString()).isEqualTo("native");
		assertThat(execution.at("/flow_version").asInt()).isEqualTo(1);
		assertThat(execution.at("/output_data/answer").asString()).isEqualTo(WeatherFlow.expectedAnswer(question));
		assertThat(execution.at("/output_data/temperature").isNumber()).isTrue();
		assertThat(execution.at("/output_data").has("advice")).isFalse();
		assertThat(execution.at("/links/self").asString())
			.isEqualTo("/v1/executions/" + execution.at("/id").asString());
		// The trace is the owner's: the calling system's key (scope run) gets the answer
		// without it.
		assertThat(execution.has("trace")).isFalse();
		JsonNode owners = this.api.get("/v1/executions/" + execution.at("/id").asString(), this.owner.manage()).json();
		assertThat(Triggers.traceNode(owners, "stayIn").at("/status").asString()).isEqualTo("skipped");
		assertThat(Triggers.traceNode(owners, "ask").at("/tokens/prompt").asLong()).isEqualTo(LlmStub.PROMPT_TOKENS);
		WeatherFlow.assertLlmAskedWithThePlatformKey(question);
	}

	@Test
	@Order(2)
	void syncDeploymentAnswersOnTheAicuflowEndpointWhichRefusesAWrongKeyInItsOwnShape() {
		Api.Response answer = this.api.post("/node/deployment-trigger/" + this.syncId + "/",
				Map.of("X-API-Key", this.appKey.secret()),
				Map.of("input_data", Map.of("question", "Swim?", "city", WeatherFlow.COLD_CITY)));

		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		JsonNode body = answer.json();
		assertThat(body.at("/status").asString()).isEqualTo("success");
		assertThat(body.at("/data/status").asString()).isEqualTo("succeeded");
		assertThat(body.at("/data/output_data/advice").asString()).isEqualTo("Too cold in Oslo: stay in.");
		assertThat(body.at("/data/output_data/temperature").asInt()).isEqualTo(WeatherFlow.COLD);
		assertThat(body.at("/data/output_data").has("answer")).isFalse();
		assertThat(body.at("/data/duration_seconds").isNumber()).isTrue();
		assertThat(body.at("/data/error").isNull()).isTrue();
		assertThat(recorded(body.at("/data/execution_id").asString()).at("/source").asString()).isEqualTo("aicuflow");

		// Also served without the trailing slash; a refusal is aicuflow's error shape.
		Api.Response wrongKey = this.api.post("/node/deployment-trigger/" + this.syncId,
				Map.of("X-API-Key", "sk-not-a-key"), Map.of("input_data", Map.of()));
		assertThat(wrongKey.status()).as(wrongKey.toString()).isEqualTo(401);
		assertThat(wrongKey.text("/status")).isEqualTo("error");
		assertThat(wrongKey.text("/message")).isNotBlank();
	}

	@Test
	@Order(3)
	void syncDeploymentAnswersOnTheFluxPromptEndpointByFlowId() {
		String question = "Walk " + this.runId + "?";
		// The flow id picks the flow's production deployment: the sync one, not the
		// async test one.
		Api.Response answer = this.api.post("/flux/api-v2?flowId=" + this.flowId,
				Map.of("api-key", this.appKey.secret()),
				Map.of("variableInputs", List.of(Map.of("inputId", "question", "inputText", question),
						Map.of("inputId", "city", "inputText", WeatherFlow.WARM_CITY))));

		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		JsonNode body = answer.json();
		assertThat(body.at("/success").asBoolean()).isTrue();
		assertThat(body.at("/status").asString()).isEqualTo("succeeded");
		assertThat(recorded(body.at("/executionId").asString()).at("/source").asString()).isEqualTo("fluxprompt");
		assertThat(body.at("/output/answer").asString()).isEqualTo(WeatherFlow.expectedAnswer(question));
		assertThat(body.at("/durationSeconds").isNumber()).isTrue();
		assertThat(body.has("error")).isFalse();
	}

	@Test
	@Order(4)
	void asyncDeploymentIsPolledCalledBackAndMailed() {
		String question = "Hike " + this.runId + "?";
		Api.Response accepted = Triggers
			.untilDeployed(() -> this.api.post(nativePath(this.asyncId), this.appKey.bearer(),
					Map.of("input_data", Map.of("question", question, "city", WeatherFlow.WARM_CITY))));

		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		String executionId = accepted.text("/id");
		assertThat(accepted.text("/status")).isEqualTo("queued");
		assertThat(accepted.headers().get("Location")).singleElement()
			.asString()
			.endsWith("/v1/executions/" + executionId);
		// Polled at once, before deployment-service has read the trigger: found all the
		// same.
		Api.Response polledAtOnce = this.api.get(accepted.text("/links/self"), this.appKey.bearer());
		assertThat(polledAtOnce.status()).as(polledAtOnce.toString()).isEqualTo(200);
		assertThat(polledAtOnce.text("/id")).isEqualTo(executionId);
		JsonNode finished = Triggers.pollUntilFinished(this.api, accepted.text("/links/self"), this.appKey);
		assertThat(finished.at("/status").asString()).isEqualTo("succeeded");
		assertThat(finished.at("/output_data/answer").asString()).isEqualTo(WeatherFlow.expectedAnswer(question));

		CallbackReceiver.Received callback = this.deliveries.awaitCallback(executionId);
		assertThat(WebhookSignature.isValid(this.webhookSecret, callback.headers(), callback.body())).isTrue();
		assertThat(WebhookSignature.isValid(this.webhookSecret, callback.headers(), callback.body() + " ")).isFalse();
		JsonNode payload = Api.JSON.readTree(callback.body());
		assertThat(payload.at("/type").asString()).isEqualTo("execution.completed");
		assertThat(payload.at("/status").asString()).isEqualTo("succeeded");
		assertThat(payload.at("/output_data/answer").asString()).isEqualTo(WeatherFlow.expectedAnswer(question));
		this.deliveries.assertRecorded(executionId, callback.headers().get("webhook-id"));
		this.asyncExecutionId = executionId;
		this.callbackDeliveryId = callback.headers().get("webhook-id");
		Deliveries.assertMailed(this.stack, this.mailbox, this.asyncId, WeatherFlow.expectedAnswer(question));
	}

	@Test
	@Order(5)
	void historyAndUsageCountTheSyncCallsAndTheRefusedOnesApartAlsoInTheOwnersOverview() {
		Api.Response refused = this.api.post(nativePath(this.syncId), this.appKey.bearer(), Map.of());
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		await().atMost(DELIVERY).untilAsserted(() -> {
			JsonNode items = this.owner.get("/v1/deployments/" + this.syncId + "/executions").json().get("items");
			assertThat(items.values()).extracting((item) -> item.get("source").asString())
				.containsExactlyInAnyOrder("fluxprompt", "aicuflow", "native");
			assertThat(items.values())
				.allSatisfy((item) -> assertThat(item.get("status").asString()).isEqualTo("succeeded"));
		});
		JsonNode byKey = this.owner.get("/v1/deployments/" + this.syncId + "/executions?key_id=" + this.appKey.id())
			.json()
			.get("items");
		assertThat(byKey.values()).hasSize(3)
			.allSatisfy((item) -> assertThat(item.get("key_id").asString()).isEqualTo(this.appKey.id()));
		// Over all the owner's deployments: the async call too.
		assertThat(this.owner.get("/v1/executions?key_id=" + this.appKey.id()).json().get("items").values())
			.extracting((item) -> item.get("deployment_id").asString())
			.containsOnly(this.syncId, this.asyncId)
			.hasSize(4);
		assertThat(
				this.owner.get("/v1/deployments/" + this.syncId + "/executions?key_id=" + this.owner.manageKey().id())
					.json()
					.get("items")
					.values())
			.isEmpty();
		UsageReports usage = new UsageReports(this.owner, this.syncId, this.asyncId);
		usage.assertSyncDeploymentCounted(this.appKey.id());
		usage.awaitRefusedCallCounted();
		usage.assertOverviewSumsTheDeployments();
		usage.assertOverviewByKey(this.appKey.id(), this.owner.manageKey().id());
	}

	@Test
	@Order(5)
	void aClientDeveloperGetsTheApiDocumentsAndReadyToRunExampleCode() {
		ClientDocuments.assertGatewayServesItsDocument(this.api);
		String deploymentPath = "/v1/deployments/" + this.syncId;
		ClientDocuments.assertExamples(this.owner.get(deploymentPath + "/examples").json(), this.syncId,
				this.appKey.secret());
		ClientDocuments.assertWeatherDeploymentDocument(this.owner.get(deploymentPath + "/openapi.json").json(),
				this.syncId);
		Api.Response unknown = this.api.get("/v1/deployments/" + UUID.randomUUID() + "/examples", this.owner.manage());
		assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
	}

	@Test
	@Order(5)
	void theOwnerListsItsFlowsAndDeploymentsAndRereadsAFlowOnlyOnceItChanged() {
		assertThat(this.owner.get("/v1/flows").json().get("items").values())
			.filteredOn((flow) -> flow.get("id").asString().equals(this.flowId))
			.singleElement()
			.satisfies((flow) -> assertThat(flow.get("latestVersion").asInt()).isEqualTo(1));
		assertThat(this.owner.get("/v1/deployments").json().get("items").values())
			.extracting((deployment) -> deployment.get("id").asString())
			.containsExactlyInAnyOrder(this.syncId, this.asyncId);

		Api.Response flow = this.owner.get("/v1/flows/" + this.flowId);
		assertThat(flow.headers().get("ETag")).containsExactly("\"1\"");
		assertThat(flow.json().at("/name").asString()).isEqualTo("weather advice");
		Api.Response unchanged = this.api.get("/v1/flows/" + this.flowId,
				withHeader(this.owner.manage(), "If-None-Match", "\"1\""));
		assertThat(unchanged.status()).as(unchanged.toString()).isEqualTo(304);
		assertThat(unchanged.body()).isEmpty();
	}

	@Test
	@Order(6)
	void rotatedKeyStopsWorkingAndItsSuccessorWorks() {
		Owner.ApiKey old = this.appKey;
		JsonNode rotated = this.owner.post("/v1/keys/" + old.id() + "/rotate", Map.of("gracePeriodSeconds", 0), 200)
			.json();
		Owner.ApiKey successor = new Owner.ApiKey(old.id(), IssuedSecrets.remember(rotated.at("/secret").asString()));
		assertThat(successor.secret()).startsWith("sk-").isNotEqualTo(old.secret());

		Owner.awaitRefusedByGateway(this.api, old.secret());
		Owner.awaitKnownToGateway(this.api, successor.secret());
		Api.Response refused = this.api.post(nativePath(this.syncId), old.bearer(), Triggers.warmInputs("Old key?"));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		Api.Response accepted = this.api.post(nativePath(this.syncId), successor.bearer(),
				Triggers.warmInputs("New key?"));
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		this.appKey = successor;
	}

	@Test
	@Order(6)
	void keyScopedToOneDeploymentRunsOnlyItUntilWidenedAndAMistypedScopeIsRefused() {
		Owner.ApiKey scoped = this.owner
			.newKey(Map.of("name", "sync only", "scopes", List.of("run"), "deploymentIds", List.of(this.syncId)));

		Api.Response allowed = this.api.post(nativePath(this.syncId), scoped.bearer(), Triggers.warmInputs("Scoped?"));
		Api.Response other = this.api.post(nativePath(this.asyncId), scoped.bearer(), Triggers.warmInputs("Other?"));
		Api.Response mistyped = this.owner.post("/v1/keys",
				Map.of("name", "typo", "deploymentIds", List.of(this.syncId, "no-such-deployment")), 400);

		assertThat(allowed.status()).as(allowed.toString()).isEqualTo(200);
		assertThat(other.status()).as(other.toString()).isEqualTo(404);
		assertThat(mistyped.contentType()).startsWith("application/problem+json");
		assertThat(mistyped.text("/errors/0/field")).isEqualTo("deploymentIds");
		assertThat(mistyped.text("/errors/0/message")).isEqualTo("names no deployment of yours: no-such-deployment");
		assertThat(mistyped.json().has("field")).isFalse();
		assertThat(mistyped.text("/detail"))
			.isEqualTo("deploymentIds names no deployment of yours: no-such-deployment");

		Api.Response widened = this.api.patch("/v1/keys/" + scoped.id(), this.owner.manage(),
				Map.of("deploymentIds", List.of(this.syncId, this.asyncId)));
		assertThat(widened.status()).as(widened.toString()).isEqualTo(200);
		await().atMost(DELIVERY)
			.until(() -> this.api.post(nativePath(this.asyncId), scoped.bearer(), Triggers.warmInputs("Now?"))
				.status() == 202);
	}

	@Test
	@Order(6)
	void keyTheAdminIssuesStopsWorkingWhileDeactivatedAndOnceDeleted() {
		Api.Response issued = this.api.post("/v1/owners/" + this.owner.id() + "/keys", this.stack.admin(),
				Map.of("name", "ops", "scopes", List.of("run")));
		assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
		Owner.ApiKey ops = new Owner.ApiKey(issued.text("/id"), IssuedSecrets.remember(issued.text("/secret")));
		Api.Response noOwner = this.api.post("/v1/owners/" + UUID.randomUUID() + "/keys", this.stack.admin(),
				Map.of("name", "ops"));
		assertThat(noOwner.status()).as(noOwner.toString()).isEqualTo(404);
		Owner.awaitKnownToGateway(this.api, ops.secret());

		JsonNode listed = this.owner.get("/v1/keys").json().get("items");
		assertThat(listed.values()).extracting((key) -> key.get("id").asString())
			.contains(ops.id(), this.owner.manageKey().id());
		assertThat(listed.values()).noneSatisfy((key) -> assertThat(key.has("secret")).isTrue());
		JsonNode key = this.owner.get("/v1/keys/" + ops.id()).json();
		assertThat(key.at("/status").asString()).isEqualTo("active");
		String hint = key.at("/hint").asString();
		assertThat(ops.secret()).startsWith(hint.substring(0, hint.indexOf('…')));

		String keyPath = "/v1/keys/" + ops.id();
		assertThat(this.owner.post(keyPath + "/deactivate", Map.of(), 200).text("/status")).isEqualTo("inactive");
		Owner.awaitRefusedByGateway(this.api, ops.secret());
		assertThat(this.owner.post(keyPath + "/activate", Map.of(), 200).text("/status")).isEqualTo("active");
		Owner.awaitKnownToGateway(this.api, ops.secret());
		assertThat(this.api.delete(keyPath, this.owner.manage()).status()).isEqualTo(204);
		Owner.awaitRefusedByGateway(this.api, ops.secret());
		assertThat(this.api.get(keyPath, this.owner.manage()).status()).isEqualTo(404);

		Owner leaving = Owner.create(this.stack, this.api, "leaving-" + this.runId);
		Api.Response deactivated = this.api.post("/v1/owners/" + leaving.id() + "/keys/deactivate", this.stack.admin(),
				Map.of());
		assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
		assertThat(deactivated.json().at("/deactivated").asInt()).isEqualTo(1);
		Owner.awaitRefusedByGateway(this.api, leaving.manageKey().secret());
		Owner.awaitKnownToGateway(this.api, this.owner.manageKey().secret());
		this.owner.post(keyPath + "/activate", Map.of(), 404);
	}

	@Test
	@Order(6)
	void replayRunsTheRecordedInputsAgainAsANewExecution() {
		JsonNode original = this.owner.get("/v1/executions/" + this.asyncExecutionId).json();
		Api.Response replay = this.owner.post("/v1/executions/" + this.asyncExecutionId + "/replay", Map.of(), 202);
		String replayId = replay.text("/id");
		assertThat(replayId).isNotEqualTo(this.asyncExecutionId);
		assertThat(replay.text("/source")).isEqualTo("replay");
		assertThat(replay.text("/replay_of")).isEqualTo(this.asyncExecutionId);
		assertThat(replay.headers().get("Location")).singleElement().asString().endsWith("/v1/executions/" + replayId);

		JsonNode finished = Triggers.pollUntilFinished(this.api, "/v1/executions/" + replayId, this.owner.manageKey());
		assertThat(finished.at("/status").asString()).isEqualTo("succeeded");
		assertThat(finished.at("/input_data")).isEqualTo(original.at("/input_data"));
		assertThat(finished.at("/output_data")).isEqualTo(original.at("/output_data"));
		this.owner.post("/v1/executions/" + UUID.randomUUID() + "/replay", Map.of(), 404);
	}

	@Test
	@Order(6)
	void deliveredCallbackIsSentAgainOnRequestWithTheSameWebhookId() {
		String deliveryPath = "/v1/deliveries/" + this.callbackDeliveryId;
		// Sent at once: the answer may already tell how it went.
		JsonNode retried = this.owner.post(deliveryPath + "/retry", Map.of(), 202).json();
		assertThat(retried.at("/id").asString()).isEqualTo(this.callbackDeliveryId);
		assertThat(retried.at("/status").asString()).isIn("pending", "succeeded");

		List<CallbackReceiver.Received> calls = this.deliveries.awaitCallbacks(this.callbackDeliveryId, 2);
		assertThat(calls.get(1).body()).isEqualTo(calls.get(0).body());
		assertThat(WebhookSignature.isValid(this.webhookSecret, calls.get(1).headers(), calls.get(1).body())).isTrue();
		await().atMost(DELIVERY).untilAsserted(() -> {
			JsonNode delivery = this.owner.get(deliveryPath).json();
			assertThat(delivery.at("/status").asString()).isEqualTo("succeeded");
			assertThat(delivery.get("attempts").values()).hasSize(2);
		});
		this.owner.post("/v1/deliveries/" + UUID.randomUUID() + "/retry", Map.of(), 404);
	}

	@Test
	@Order(7)
	void newFlowVersionRunsOnlyAfterRedeploy() {
		// Saved over version 1 as read; a second save over it would lose version 2.
		Map<String, String> overVersion1 = withHeader(this.owner.manage(), "If-Match", "\"1\"");
		Map<String, Object> version2 = WeatherFlow.version2(this.weatherApi.baseUrl());
		Api.Response saved = this.api.put("/v1/flows/" + this.flowId, overVersion1, version2);
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		assertThat(saved.json().at("/version").asInt()).isEqualTo(2);
		assertThat(saved.headers().get("ETag")).containsExactly("\"2\"");
		Api.Response stale = this.api.put("/v1/flows/" + this.flowId, overVersion1, version2);
		assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
		assertThat(stale.headers().get("ETag")).containsExactly("\"2\"");
		JsonNode pinned = triggerSync("Still v1?");
		assertThat(pinned.at("/flow_version").asInt()).isEqualTo(1);
		assertThat(pinned.at("/output_data").has("revision")).isFalse();

		Api.Response redeployed = this.api.patch("/v1/deployments/" + this.syncId, this.owner.manage(),
				Map.of("flowVersion", 2));
		assertThat(redeployed.status()).as(redeployed.toString()).isEqualTo(200);
		await().atMost(DELIVERY).untilAsserted(() -> {
			JsonNode execution = triggerSync("Now v2?");
			assertThat(execution.at("/flow_version").asInt()).isEqualTo(2);
			assertThat(execution.at("/output_data/revision").asString()).isEqualTo("v2");
		});
		// aicuflow's clients get it too, also on the path without the trailing slash.
		Api.Response aicuflow = this.api.post("/node/deployment-trigger/" + this.syncId,
				Map.of("X-API-Key", this.appKey.secret()), Triggers.warmInputs("Aicuflow v2?"));
		assertThat(aicuflow.status()).as(aicuflow.toString()).isEqualTo(200);
		assertThat(aicuflow.text("/data/output_data/revision")).isEqualTo("v2");
	}

	@Test
	@Order(7)
	void receiverAnsweringGoneStopsCallbacksUntilTheOwnerEnablesThemAgain() {
		try (CallbackReceiver goneReceiver = CallbackReceiver.start()) {
			goneReceiver.gone();
			String deploymentId = this.owner
				.post("/v1/deployments",
						Map.of("flowId", this.flowId, "name", "weather-gone", "mode", "async", "environment", "test",
								"delivery", Map.of("callbackUrl", goneReceiver.url())),
						201)
				.json()
				.at("/id")
				.asString();
			triggerAsync(deploymentId, "Gone?");
			JsonNode stop = this.deliveries.awaitDisabledCallback(deploymentId);
			assertThat(stop.at("/callbackUrl").asString()).isEqualTo(goneReceiver.url());
			assertThat(stop.at("/reason").asString()).contains("410");
			String whileDisabled = triggerAsync(deploymentId, "Still gone?");
			this.deliveries.awaitOnlyDelivery(whileDisabled, "skipped");

			goneReceiver.accept();
			Api.Response enabled = this.api.post("/v1/callbacks/" + deploymentId + "/enable", this.owner.manage(),
					Map.of());
			assertThat(enabled.status()).as(enabled.toString()).isEqualTo(204);
			assertThat(this.deliveries.disabledCallback(deploymentId)).isEmpty();
			String afterwards = triggerAsync(deploymentId, "Back?");
			await().atMost(DELIVERY)
				.until(() -> goneReceiver.received()
					.stream()
					.anyMatch((call) -> call.delivered() && call.body().contains(afterwards)));
		}
	}

	@Test
	@Order(8)
	void deletedDeploymentAnswersNotFound() {
		Api.Response deleted = this.api.delete("/v1/deployments/" + this.syncId, this.owner.manage());
		assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);

		await().atMost(DELIVERY)
			.until(() -> this.api.post(nativePath(this.syncId), this.appKey.bearer(), Map.of()).status() == 404);
		Api.Response refused = this.api.post(nativePath(this.syncId), this.appKey.bearer(),
				Triggers.warmInputs("Gone?"));
		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.text("/detail")).isEqualTo("Deployment '" + this.syncId + "' not found");
		Api.Response aicuflow = this.api.post("/node/deployment-trigger/" + this.syncId + "/",
				Map.of("X-API-Key", this.appKey.secret()), Map.of("input_data", Map.of()));
		assertThat(aicuflow.status()).isEqualTo(404);
		assertThat(aicuflow.text("/status")).isEqualTo("error");
		assertThat(this.api.get("/v1/deployments/" + this.syncId, this.owner.manage()).status()).isEqualTo(404);
		// Its executions are kept, but cannot run again.
		assertThat(this.owner.get("/v1/executions/" + this.syncExecutionId).json().at("/deployment_id").asString())
			.isEqualTo(this.syncId);
		Api.Response replay = this.owner.post("/v1/executions/" + this.syncExecutionId + "/replay", Map.of(), 409);
		assertThat(replay.contentType()).startsWith("application/problem+json");
	}

	@Test
	@Order(9)
	void cancelledExecutionStopsIsRecordedCalledBackAndCounted() {
		try (SlowStub slowApi = SlowStub.start(SLOW_API_MILLIS, SLOW_API_MILLIS)) {
			String slowFlow = this.owner.post("/v1/flows", waitingFlow(slowApi.url()), 201).json().at("/id").asString();
			String deploymentId = this.owner
				.post("/v1/deployments",
						Map.of("flowId", slowFlow, "name", "waiting", "mode", "async", "environment", "production",
								"delivery", Map.of("callbackUrl", this.receiver.url())),
						201)
				.json()
				.at("/id")
				.asString();
			String executionId = Triggers
				.untilDeployed(() -> this.api.post(nativePath(deploymentId), this.appKey.bearer(),
						Map.of("input_data", Map.of("q", "wait"))))
				.text("/id");
			await().atMost(DELIVERY).until(() -> slowApi.inProgress() == 1);
			String cancelPath = "/v1/executions/" + executionId + "/cancel";

			// The key that triggered it may cancel it, at once.
			Api.Response cancel = this.api.post(cancelPath, this.appKey.bearer(), Map.of());
			assertThat(cancel.status()).as(cancel.toString()).isEqualTo(202);
			assertThat(cancel.text("/status")).isIn("queued", "running");
			assertThat(cancel.text("/cancel_requested_at")).isNotBlank();

			JsonNode cancelled = Triggers.pollUntilFinished(this.api, "/v1/executions/" + executionId,
					this.owner.manageKey());
			assertThat(cancelled.at("/status").asString()).isEqualTo("cancelled");
			assertThat(cancelled.at("/error/code").asString()).isEqualTo("cancelled");
			assertThat(Triggers.traceNode(cancelled, "call").at("/error").asString())
				.isEqualTo("cancelled: the owner cancelled the execution");
			assertThat(cancelled.at("/cancel_requested_at").asString()).isEqualTo(cancel.text("/cancel_requested_at"));
			JsonNode payload = Api.JSON.readTree(this.deliveries.awaitCallback(executionId).body());
			assertThat(payload.at("/status").asString()).isEqualTo("cancelled");
			assertThat(Instant.parse(payload.at("/cancel_requested_at").asString()))
				.isEqualTo(Instant.parse(cancel.text("/cancel_requested_at")));
			Api.Response again = this.api.post(cancelPath, this.owner.manage(), Map.of());
			assertThat(again.status()).isEqualTo(409);
			assertThat(again.contentType()).startsWith("application/problem+json");
			await().atMost(DELIVERY)
				.untilAsserted(() -> assertThat(
						this.owner.get("/v1/deployments/" + deploymentId + "/usage").json().at("/cancelled").asLong())
					.isEqualTo(1));
		}
	}

	@Test
	@Order(9)
	void theOwnersOtherReadsAnswerAsTheyAreDocumented() {
		JsonNode versions = this.owner.get("/v1/flows/" + this.flowId + "/versions").json();
		assertThat(versions.get("items").values()).extracting((version) -> version.get("version").asInt())
			.contains(1, 2);
		assertThat(this.owner.get("/v1/flows/" + this.flowId + "/versions/1").json().at("/version").asInt())
			.isEqualTo(1);
		String deliveryId = this.owner.get("/v1/deliveries?status=succeeded&limit=1")
			.json()
			.at("/items/0/id")
			.asString();
		assertThat(this.owner.get("/v1/deliveries/" + deliveryId).json().get("attempts").values()).isNotEmpty();
		assertThat(this.owner.get("/v1/callbacks/disabled").json().get("items").values()).isEmpty();
		assertThat(this.owner.get("/v1/webhook-secret").json().has("secret")).as("the secret is never read back")
			.isFalse();
		assertThat(this.owner.get("/v1/usage/series").json().isObject()).isTrue();
		assertThat(this.owner.get("/v1/deployments/" + this.asyncId + "/usage/series").json().isObject()).isTrue();
		Api.Response owner = this.api.get("/v1/owners/" + this.owner.id(), this.stack.admin());
		assertThat(owner.status()).as(owner.toString()).isEqualTo(200);
		assertThat(owner.json().at("/id").asString()).isEqualTo(this.owner.id());
		Api.Response owners = this.api.get("/v1/owners?limit=1", this.stack.admin());
		assertThat(owners.status()).as(owners.toString()).isEqualTo(200);
		assertThat(owners.json().get("items").values()).hasSize(1);
	}

	@Test
	@Order(10)
	void flowIsDeletedOnlyOnceNoDeploymentUsesIt() {
		Api.Response inUse = this.api.delete("/v1/flows/" + this.flowId, this.owner.manage());
		assertThat(inUse.status()).as(inUse.toString()).isEqualTo(409);
		assertThat(inUse.contentType()).startsWith("application/problem+json");
		assertThat(inUse.text("/type")).isEqualTo("/problems/in-use");
		Api.Response explained = this.api.get(inUse.text("/type"), Map.of());
		assertThat(explained.status()).isEqualTo(200);
		assertThat(explained.contentType()).startsWith("text/html");
		assertThat(explained.body()).contains("<h1>In use</h1>");
		assertThat(this.api.get("/problems", Map.of()).body()).contains("href=\"/problems/in-use\"");
		assertThat(this.api.get("/problems/no-such-problem", Map.of()).status()).isEqualTo(404);

		// Sent twice with one Idempotency-Key, as after a lost answer: one flow.
		Map<String, String> once = withHeader(this.owner.manage(), "Idempotency-Key", "scratch-" + this.runId);
		Map<String, Object> scratchFlow = WeatherFlow.version1(this.weatherApi.baseUrl());
		Api.Response created = this.api.post("/v1/flows", once, scratchFlow);
		Api.Response again = this.api.post("/v1/flows", once, scratchFlow);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(again.status()).as(again.toString()).isEqualTo(201);
		String scratch = created.text("/id");
		assertThat(again.text("/id")).isEqualTo(scratch);
		assertThat(again.headers().get("Idempotent-Replayed")).containsExactly("true");
		assertThat(created.headers()).doesNotContainKey("Idempotent-Replayed");
		assertThat(this.api.delete("/v1/flows/" + scratch, this.owner.manage()).status()).isEqualTo(204);
		assertThat(this.api.get("/v1/flows/" + scratch, this.owner.manage()).status()).isEqualTo(404);
		assertThat(this.api.delete("/v1/flows/" + scratch, this.owner.manage()).status()).isEqualTo(404);
	}

	@Test
	@Order(11)
	void deletedOwnerLosesItsKeysAndEveryServiceErasesWhatItKept() {
		List<String> ids = new ArrayList<>(List.of(this.owner.id()));
		ids.addAll(idsOf(this.owner.get("/v1/flows?limit=100").json()));
		ids.addAll(idsOf(this.owner.get("/v1/deployments?limit=100").json()));
		String mongoUri = this.stack.processes().mongoUri();
		assertThat(StoredData.mentioning(mongoUri, ids)).as("the owner's data before").isNotEmpty();

		Api.Response deleted = this.api.delete("/v1/owners/" + this.owner.id(), this.stack.admin());

		assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
		assertThat(this.api.get("/v1/owners/" + this.owner.id(), this.stack.admin()).status()).isEqualTo(404);
		Owner.awaitRefusedByGateway(this.api, this.owner.manageKey().secret());
		Owner.awaitRefusedByGateway(this.api, this.appKey.secret());
		await().atMost(DELIVERY)
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(StoredData.mentioning(mongoUri, ids)).as("left of the owner").isEmpty());
	}

	private static List<String> idsOf(JsonNode page) {
		assertThat(page.at("/nextCursor").isNull()).as("one page").isTrue();
		return page.at("/items").valueStream().map((item) -> item.at("/id").asString()).toList();
	}

	@Test
	@Order(20)
	void everyAnswerOnTheWayMatchesTheOpenApiDocument() {
		assertThat(this.contract.checked()).isPositive();
		assertThat(this.contract.violations())
			.withFailMessage(() -> "Answers that break the OpenAPI document:\n" + String.join("\n",
					this.contract.violations().stream().map(OpenApiContract.Violation::toString).toList()))
			.isEmpty();
	}

	@Test
	@Order(20)
	void everyDocumentedOperationWasCalled() {
		List<String> neverMet = this.contract.operationsNeverMet();
		System.out.println("Documented operations the journey never called: " + neverMet);
		assertThat(neverMet).as("documented operations the journey never called").isEmpty();
	}

	/** One input, then an http node that waits on the given URL, then an output. */
	private static Map<String, Object> waitingFlow(String url) {
		return Map.of("name", "waiting", "nodes",
				List.of(Map.of("id", "q", "type", "input", "config",
						Map.of("name", "q", "inputType", "text", "required", true, "testValue", "x")),
						Map.of("id", "call", "type", "http", "config", Map.of("method", "GET", "url", url)),
						Map.of("id", "out", "type", "output", "config",
								Map.of("name", "ok", "value", "{{call.body.ok}}"))),
				"edges", List.of(Map.of("from", "q", "to", "call"), Map.of("from", "call", "to", "out")));
	}

	private String deploy(String mode, String environment, Map<String, Object> delivery) {
		Map<String, Object> settings = new LinkedHashMap<>(Map.of("flowId", this.flowId, "name", "weather-" + mode,
				"mode", mode, "environment", environment, "syncTimeoutSeconds", SYNC_TIMEOUT_SECONDS));
		if (delivery != null) {
			settings.put("delivery", delivery);
		}
		JsonNode deployment = this.owner.post("/v1/deployments", settings, 201).json();
		String id = deployment.at("/id").asString();
		assertThat(deployment.at("/flowVersion").asInt()).isEqualTo(1);
		assertThat(deployment.at("/endpoints/native").asString()).endsWith(nativePath(id));
		assertThat(deployment.at("/endpoints/aicuflow").asString()).endsWith("/node/deployment-trigger/" + id + "/");
		assertThat(deployment.at("/endpoints/fluxprompt").asString()).endsWith("/flux/api-v2?flowId=" + id);
		return id;
	}

	/** Triggers an async deployment with the app key; returns the execution's id. */
	private String triggerAsync(String deploymentId, String question) {
		Api.Response accepted = Triggers.untilDeployed(
				() -> this.api.post(nativePath(deploymentId), this.appKey.bearer(), Triggers.warmInputs(question)));
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		return accepted.text("/id");
	}

	private JsonNode triggerSync(String question) {
		Api.Response answer = this.api.post(nativePath(this.syncId), this.appKey.bearer(),
				Triggers.warmInputs(question));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return answer.json();
	}

	private static Map<String, String> withHeader(Map<String, String> headers, String name, String value) {
		Map<String, String> with = new LinkedHashMap<>(headers);
		with.put(name, value);
		return with;
	}

	private static String nativePath(String deploymentId) {
		return "/v1/deployments/" + deploymentId + "/executions";
	}

	/**
	 * The execution of the sync deployment, as its owner reads it by the id an answer
	 * gave.
	 */
	private JsonNode recorded(String executionId) {
		Api.Response execution = this.api.get("/v1/executions/" + executionId, this.owner.manage());
		assertThat(execution.status()).as(execution.toString()).isEqualTo(200);
		assertThat(execution.json().at("/deployment_id").asString()).isEqualTo(this.syncId);
		return execution.json();
	}

}
