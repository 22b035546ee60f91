package dev.flowgate.system.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.flowgate.system.Api;
import dev.flowgate.system.CallbackReceiver;
import dev.flowgate.system.IssuedSecrets;
import dev.flowgate.system.Owner;
import dev.flowgate.system.SystemStack;
import org.bson.Document;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Secrets stay out of the logs, and callbacks cannot be aimed at internal addresses.
 * Ordered last (see junit-platform.properties) so the log scan also covers what the other
 * system tests of the run did.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityIT {

	private static final Duration DELIVERY = Duration.ofSeconds(60);

	private final SystemStack stack = SystemStack.shared();

	private final Api api = this.stack.api();

	private final Owner owner = Owner.create(this.stack, "security-" + UUID.randomUUID().toString().substring(0, 8));

	@Test
	@Order(1)
	void callbacksToPrivateAddressesAreRefusedWithoutRetry() {
		String deploymentId = deploy(Map.of("callbackUrl", "http://10.0.0.1/hook", "allowCallbackOverride", true));
		String fromDeployment = triggerAs(this.owner.manage(), deploymentId, null);
		String fromTrigger = triggerAs(this.owner.manage(), deploymentId, "http://169.254.169.254/latest/meta-data/");

		assertRefused(fromDeployment, "10.0.0.1");
		assertRefused(fromTrigger, "169.254.169.254");
	}

	@Test
	@Order(2)
	void theLogScanFindsAKeyWhereThereIsOne(@TempDir Path dir) throws IOException {
		String key = this.owner.manageKey().secret();
		Files.writeString(dir.resolve("leaky.log"), "INFO presented key " + key + " for /v1/flows\n");

		LogScan scan = LogScan.of(dir);

		assertThat(scan.secretShapedFindings()).containsExactly("a well-formed API key in leaky.log");
		assertThat(scan.findings(Map.of("the key", key, "its hash", sha256(key))))
			.containsExactly("the key in leaky.log");
	}

	@Test
	@Order(3)
	void noProcessLogHoldsASecret() {
		exerciseEverySecret();

		LogScan scan = LogScan.of(this.stack.processes().runDir().resolve("logs"));

		assertThat(scan.files()).contains("api-gateway-service.log", "key-service.log", "deployment-service.log",
				"flow-runner-service.log", "delivery-service.log", "kafka.log");
		assertThat(scan.findings(knownSecrets())).isEmpty();
		assertThat(scan.secretShapedFindings()).isEmpty();
	}

	@Test
	@Order(4)
	void webhookSigningSecretsAreStoredEncrypted() {
		String revealed = this.owner.post("/v1/webhook-secret/rotate", Map.of(), 200).text("/secret");
		IssuedSecrets.remember(revealed);

		try (MongoClient mongo = MongoClients.create(this.stack.processes().mongoUri())) {
			List<Document> stored = mongo.getDatabase("flowgate_delivery")
				.getCollection("webhook_secrets")
				.find()
				.into(new ArrayList<>());
			assertThat(stored).isNotEmpty().allSatisfy((document) -> {
				assertThat(document.getString("secret")).startsWith("v1.");
				assertThat(document.toJson()).doesNotContain("whsec_")
					.doesNotContain(revealed.substring("whsec_".length()));
			});
		}
	}

	/**
	 * Sends each kind of secret through the stack: admin secret, keys in every header, a
	 * rotation with grace, a signed callback after a webhook secret rotation.
	 */
	private void exerciseEverySecret() {
		Owner.ApiKey key = this.owner.newKey(Map.of("name", "runner", "scopes", List.of("run")));
		JsonNode rotated = this.owner.post("/v1/keys/" + key.id() + "/rotate", Map.of("gracePeriodSeconds", 60), 200)
			.json();
		IssuedSecrets.remember(rotated.at("/secret").asString());
		IssuedSecrets.remember(this.owner.post("/v1/webhook-secret/rotate", Map.of(), 200).text("/secret"));
		IssuedSecrets.remember(this.owner.post("/v1/webhook-secret/rotate", Map.of(), 200).text("/secret"));
		try (CallbackReceiver receiver = CallbackReceiver.start()) {
			String deploymentId = deploy(Map.of("callbackUrl", receiver.url()));
			triggerAs(key.bearer(), deploymentId, null);
			this.api.post("/node/deployment-trigger/" + deploymentId + "/", Map.of("X-API-Key", key.secret()),
					Map.of("input_data", Map.of("text", "aicuflow")));
			this.api.post("/flux/api-v2?flowId=" + deploymentId, Map.of("api-key", key.secret()),
					Map.of("variableInputs", List.of(Map.of("inputId", "text", "inputText", "flux"))));
			await().atMost(DELIVERY).until(() -> receiver.received().size() >= 3);
		}
	}

	private Map<String, String> knownSecrets() {
		Map<String, String> secrets = new LinkedHashMap<>();
		secrets.put("the admin secret", this.stack.processes().adminSecret());
		secrets.put("the internal token", this.stack.internalToken());
		secrets.put("the webhook secret encryption key", this.stack.webhookEncryptionKey());
		secrets.put("the runner's LLM API key", SystemStack.sharedLlm().apiKey());
		secrets.put("the bootstrap API key", this.stack.processes().apiKey());
		int n = 0;
		for (String secret : IssuedSecrets.all()) {
			n++;
			secrets.put("issued secret #" + n, secret);
			secrets.put("the hash of issued secret #" + n, sha256(secret));
			secrets.put("the upper-case hash of issued secret #" + n, sha256(secret).toUpperCase(Locale.ROOT));
			if (secret.startsWith("whsec_")) {
				secrets.put("the key of issued secret #" + n, secret.substring("whsec_".length()));
			}
		}
		secrets.put("the hash of the bootstrap API key", sha256(this.stack.processes().apiKey()));
		return secrets;
	}

	/** A native trigger that must be accepted; returns the execution id. */
	private String triggerAs(Map<String, String> auth, String deploymentId, String callbackUrl) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("input_data", Map.of("text", "security"));
		if (callbackUrl != null) {
			body.put("callback_url", callbackUrl);
		}
		String path = "/v1/deployments/" + deploymentId + "/executions";
		Api.Response answer = await().atMost(DELIVERY)
			.until(() -> this.api.post(path, auth, body), (response) -> response.status() != 404);
		// 202 when the runner is slower than the sync timeout: still accepted.
		assertThat(answer.status()).as(answer.toString()).isIn(200, 202);
		return answer.text("/id");
	}

	private void assertRefused(String executionId, String address) {
		await().atMost(DELIVERY).untilAsserted(() -> {
			JsonNode deliveries = this.owner.get("/v1/executions/" + executionId + "/deliveries")
				.json()
				.get("deliveries");
			assertThat(deliveries.values()).singleElement().satisfies((delivery) -> {
				assertThat(delivery.get("channel").asString()).isEqualTo("callback");
				assertThat(delivery.get("status").asString()).isEqualTo("failed");
				assertThat(delivery.get("attemptCount").asInt()).isEqualTo(1);
				assertThat(delivery.get("nextAttemptAt").isNull()).isTrue();
				assertThat(delivery.get("lastError").asString()).startsWith("Refused").contains(address);
				assertThat(delivery.at("/attempts/0/statusCode").isNull()).isTrue();
			});
		});
	}

	private String deploy(Map<String, Object> delivery) {
		Map<String, Object> settings = Map.of("flowId", echoFlow(), "mode", "sync", "syncTimeoutSeconds", 30,
				"delivery", delivery);
		return this.owner.post("/v1/deployments", settings, 201).text("/id");
	}

	private String echoFlow() {
		Map<String, Object> flow = Map.of("name", "echo", "nodes",
				List.of(Map.of("id", "text", "type", "input", "config", Map.of("name", "text", "inputType", "text")),
						Map.of("id", "out", "type", "output", "config",
								Map.of("name", "echo", "value", "{{input.text}}"))),
				"edges", List.of(Map.of("from", "text", "to", "out")));
		return this.owner.post("/v1/flows", flow, 201).text("/id");
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
