package dev.flowgate.system.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.flowgate.infra.ReceivedMail;
import dev.flowgate.system.Api;
import dev.flowgate.system.CallbackReceiver;
import dev.flowgate.system.IssuedSecrets;
import dev.flowgate.system.JsonStub;
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
 * and the email, reads history and usage, rotates the key, ships a new version and
 * finally deletes the deployment. The steps build on each other, so they run in order.
 * Every answer of the native and management API on the way must match the gateway's
 * OpenAPI document, checked last.
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

	private JsonStub weatherApi;

	private CallbackReceiver receiver;

	private Owner owner;

	private Owner.ApiKey appKey;

	private String webhookSecret;

	private String flowId;

	private String syncId;

	private String asyncId;

	@BeforeAll
	void signUpAndDeploy() {
		this.weatherApi = WeatherFlow.startWeatherApi();
		this.receiver = CallbackReceiver.start();
		this.owner = Owner.create(this.stack, this.api, "journey-" + this.runId);
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
		assertLlmWasAskedWithThePlatformKey(question);
	}

	@Test
	@Order(2)
	void syncDeploymentAnswersOnTheAicuflowEndpoint() {
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
		assertThat(body.at("/data/execution_id").asString()).isNotBlank();
		assertThat(body.at("/data/error").isNull()).isTrue();
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
		assertThat(body.at("/executionId").asString()).isNotBlank();
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

		CallbackReceiver.Received callback = awaitCallback(executionId);
		assertThat(WebhookSignature.isValid(this.webhookSecret, callback.headers(), callback.body())).isTrue();
		assertThat(WebhookSignature.isValid(this.webhookSecret, callback.headers(), callback.body() + " ")).isFalse();
		JsonNode payload = Api.JSON.readTree(callback.body());
		assertThat(payload.at("/type").asString()).isEqualTo("execution.completed");
		assertThat(payload.at("/status").asString()).isEqualTo("succeeded");
		assertThat(payload.at("/output_data/answer").asString()).isEqualTo(WeatherFlow.expectedAnswer(question));
		assertDeliveriesRecorded(executionId, callback.headers().get("webhook-id"));
		assertMailed(question);
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
		JsonNode usage = this.owner.get("/v1/deployments/" + this.syncId + "/usage?window=1h").json();
		assertThat(usage.at("/calls").asInt()).isEqualTo(3);
		assertThat(usage.at("/successes").asInt()).isEqualTo(3);
		assertThat(usage.at("/failures").asInt()).isZero();
		// Two of the three calls took the warm branch and asked the LLM.
		assertThat(usage.at("/llmTokens/prompt").asLong()).isEqualTo(2 * LlmStub.PROMPT_TOKENS);
		assertThat(usage.at("/llmTokens/completion").asLong()).isEqualTo(2 * LlmStub.COMPLETION_TOKENS);
		assertThat(usage.at("/durationMillis/p50").isNumber()).isTrue();
		JsonNode appKeyUsage = this.owner
			.get("/v1/deployments/" + this.syncId + "/usage?window=1h&key_id=" + this.appKey.id())
			.json();
		assertThat(appKeyUsage.at("/calls").asInt()).isEqualTo(3);
		assertThat(appKeyUsage.at("/llmTokens/prompt").asLong()).isEqualTo(2 * LlmStub.PROMPT_TOKENS);
		// The gateway sends its counts of refused calls every 10 s.
		await().atMost(DELIVERY).untilAsserted(() -> {
			JsonNode rejected = this.owner.get("/v1/deployments/" + this.syncId + "/usage?window=1h")
				.json()
				.at("/rejected");
			assertThat(rejected.at("/total").asLong()).isEqualTo(1);
			assertThat(rejected.at("/byReason/invalid_input").asLong()).isEqualTo(1);
		});
		JsonNode overview = this.owner.get("/v1/usage?window=1h").json();
		long sumOfDeployments = 0;
		for (JsonNode each : overview.at("/deployments").values()) {
			sumOfDeployments += each.at("/usage/calls").asLong();
			if (each.at("/deploymentId").asString().equals(this.syncId)) {
				assertThat(each.at("/usage/calls").asInt()).isEqualTo(3);
				assertThat(each.at("/usage/rejected/total").asLong()).isEqualTo(1);
			}
		}
		assertThat(overview.at("/deployments").values()).extracting((each) -> each.at("/deploymentId").asString())
			.containsExactlyInAnyOrder(this.syncId, this.asyncId);
		assertThat(overview.at("/total/calls").asLong()).isEqualTo(sumOfDeployments);
		JsonNode series = this.owner.get("/v1/deployments/" + this.syncId + "/usage/series?window=1h").json();
		assertThat(series.at("/bucket").asString()).isEqualTo("5m");
		long seriesCalls = 0;
		long seriesRejected = 0;
		for (JsonNode point : series.at("/points").values()) {
			seriesCalls += point.at("/usage/calls").asLong();
			seriesRejected += point.at("/usage/rejected/total").asLong();
		}
		assertThat(seriesCalls).isEqualTo(3);
		assertThat(seriesRejected).isEqualTo(1);
		long ownerSeriesCalls = 0;
		for (JsonNode point : this.owner.get("/v1/usage/series?window=1h").json().at("/points").values()) {
			ownerSeriesCalls += point.at("/usage/calls").asLong();
		}
		assertThat(ownerSeriesCalls).isEqualTo(overview.at("/total/calls").asLong());
		// The app key's calls over all deployments: three sync ones, one async.
		JsonNode appKeyOverview = this.owner.get("/v1/usage?window=1h&key_id=" + this.appKey.id()).json();
		assertThat(appKeyOverview.at("/total/calls").asLong()).isEqualTo(4);
		assertThat(appKeyOverview.at("/total/rejected/total").asLong()).isZero();
		assertThat(appKeyOverview.at("/deployments").values())
			.filteredOn((each) -> each.at("/deploymentId").asString().equals(this.asyncId))
			.singleElement()
			.satisfies((each) -> assertThat(each.at("/usage/calls").asLong()).isEqualTo(1));
		long appKeySeriesCalls = 0;
		for (JsonNode point : this.owner.get("/v1/usage/series?window=1h&key_id=" + this.appKey.id())
			.json()
			.at("/points")
			.values()) {
			appKeySeriesCalls += point.at("/usage/calls").asLong();
		}
		assertThat(appKeySeriesCalls).isEqualTo(4);
		assertThat(this.owner.get("/v1/usage?window=1h&key_id=" + this.owner.manageKey().id())
			.json()
			.at("/total/calls")
			.asLong()).isZero();
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
	@Order(7)
	void newFlowVersionRunsOnlyAfterRedeploy() {
		Api.Response saved = this.api.put("/v1/flows/" + this.flowId, this.owner.manage(),
				WeatherFlow.version2(this.weatherApi.baseUrl()));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		assertThat(saved.json().at("/version").asInt()).isEqualTo(2);
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
		assertThat(refused.text("/detail")).isEqualTo("Deployment " + this.syncId + " not found");
		Api.Response aicuflow = this.api.post("/node/deployment-trigger/" + this.syncId + "/",
				Map.of("X-API-Key", this.appKey.secret()), Map.of("input_data", Map.of()));
		assertThat(aicuflow.status()).isEqualTo(404);
		assertThat(aicuflow.text("/status")).isEqualTo("error");
		assertThat(this.api.get("/v1/deployments/" + this.syncId, this.owner.manage()).status()).isEqualTo(404);
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
			JsonNode payload = Api.JSON.readTree(awaitCallback(executionId).body());
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
		String deliveryId = this.owner.get("/v1/deliveries?limit=1").json().at("/items/0/id").asString();
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
	void everyAnswerOnTheWayMatchesTheOpenApiDocument() {
		assertThat(this.contract.checked()).isPositive();
		assertThat(this.contract.violations())
			.withFailMessage(() -> "Answers that break the OpenAPI document:\n" + String.join("\n",
					this.contract.violations().stream().map(OpenApiContract.Violation::toString).toList()))
			.isEmpty();
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

	private JsonNode triggerSync(String question) {
		Api.Response answer = this.api.post(nativePath(this.syncId), this.appKey.bearer(),
				Triggers.warmInputs(question));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return answer.json();
	}

	private void assertLlmWasAskedWithThePlatformKey(String question) {
		LlmStub llm = SystemStack.sharedLlm();
		JsonStub.Request asked = llm.received()
			.stream()
			.filter((request) -> LlmStub.prompt(request).endsWith(question))
			.findFirst()
			.orElseThrow(() -> new AssertionError("The LLM was not asked about " + question));
		assertThat(asked.headers().get("authorization")).isEqualTo("Bearer " + llm.apiKey());
		JsonNode body = Api.JSON.readTree(asked.body());
		assertThat(body.at("/model").asString()).isEqualTo("gpt-4o-mini");
		assertThat(body.at("/messages/0/content").asString()).isEqualTo("Be brief.");
		assertThat(body.at("/max_tokens").asInt()).isEqualTo(50);
	}

	private CallbackReceiver.Received awaitCallback(String executionId) {
		return await().atMost(DELIVERY)
			.until(() -> this.receiver.received()
				.stream()
				.filter((call) -> call.body().contains(executionId))
				.findFirst(), Optional::isPresent)
			.orElseThrow();
	}

	private void assertDeliveriesRecorded(String executionId, String webhookId) {
		await().atMost(DELIVERY).untilAsserted(() -> {
			JsonNode deliveries = this.owner.get("/v1/executions/" + executionId + "/deliveries")
				.json()
				.get("deliveries");
			assertThat(deliveries.values())
				.extracting((delivery) -> delivery.get("channel").asString() + ":" + delivery.get("status").asString())
				.containsExactlyInAnyOrder("callback:succeeded", "email:succeeded");
			assertThat(deliveries.values())
				.filteredOn((delivery) -> delivery.get("channel").asString().equals("callback"))
				.singleElement()
				.satisfies((callback) -> assertThat(callback.get("id").asString()).isEqualTo(webhookId));
		});
		// The owner's list of all deliveries has them too, and no failed one.
		assertThat(this.owner.get("/v1/deliveries?status=succeeded").json().get("items").values())
			.extracting((delivery) -> delivery.get("executionId").asString())
			.containsExactly(executionId, executionId);
		assertThat(this.owner.get("/v1/deliveries?status=failed").json().get("items").values()).isEmpty();
		assertThat(this.owner.post("/v1/deliveries/recover", Map.of(), 202).json().at("/scheduled").asInt()).isZero();
	}

	private void assertMailed(String question) {
		List<ReceivedMail> mails = await().atMost(DELIVERY)
			.until(() -> this.stack.processes()
				.mail()
				.received()
				.stream()
				.filter((mail) -> mail.to().contains(this.mailbox))
				.toList(), (received) -> !received.isEmpty());
		assertThat(mails).singleElement().satisfies((mail) -> {
			assertThat(mail.subject()).isEqualTo("[Flowgate] weather-async: execution succeeded");
			assertThat(mail.text()).contains("of deployment weather-async (" + this.asyncId + ")");
			assertThat(mail.text()).contains(WeatherFlow.expectedAnswer(question));
		});
	}

	private static String nativePath(String deploymentId) {
		return "/v1/deployments/" + deploymentId + "/executions";
	}

}
