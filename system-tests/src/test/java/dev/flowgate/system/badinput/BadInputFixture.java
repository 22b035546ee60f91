package dev.flowgate.system.badinput;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.flowgate.system.Api;
import dev.flowgate.system.IssuedSecrets;
import dev.flowgate.system.Owner;
import dev.flowgate.system.SystemStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the bad calls aim at: an owner with a flow (required inputs {@code text} and
 * {@code count}), deployments in every state and keys in every state, each already
 * visible to the gateway.
 */
final class BadInputFixture {

	static final Map<String, Object> VALID_INPUTS = Map.of("text", "hello", "count", 3);

	private static final Duration VIEW_LAG = Duration.ofSeconds(30);

	private static final Duration EXPIRY = Duration.ofSeconds(6);

	private final SystemStack stack;

	private final Api api;

	final Owner owner;

	final String target;

	final String disabled;

	final String deleted;

	final String limited;

	final Owner.ApiKey runKey;

	final Owner.ApiKey manageOnlyKey;

	final Owner.ApiKey deactivatedKey;

	final Owner.ApiKey deletedKey;

	final Owner.ApiKey expiredKey;

	final Owner.ApiKey rateLimitedKey;

	final Owner.ApiKey otherDeploymentKey;

	final Owner.ApiKey otherOwnersKey;

	BadInputFixture(SystemStack stack) {
		this.stack = stack;
		this.api = stack.api();
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		this.owner = Owner.create(stack, "bad-input-" + suffix);
		String flowId = this.owner.post("/v1/flows", flow(), 201).text("/id");
		this.target = deploy(flowId, Map.of());
		this.disabled = deploy(flowId, Map.of("enabled", false));
		this.deleted = deploy(flowId, Map.of());
		this.limited = deploy(flowId, Map.of("limits", Map.of("requestsPerMinute", 1)));
		Instant expiresAt = Instant.now().plus(EXPIRY).truncatedTo(ChronoUnit.MILLIS);
		// Not awaited like the others: it may expire before the gateway has it.
		Api.Response expiring = this.owner.post("/v1/keys",
				Map.of("name", "expiring", "scopes", List.of("run"), "expiresAt", expiresAt.toString()), 201);
		this.expiredKey = new Owner.ApiKey(expiring.text("/id"), IssuedSecrets.remember(expiring.text("/secret")));
		this.runKey = this.owner.newKey(Map.of("name", "run", "scopes", List.of("run")));
		this.manageOnlyKey = this.owner.newKey(Map.of("name", "manage", "scopes", List.of("manage")));
		this.deactivatedKey = this.owner.newKey(Map.of("name", "deactivated", "scopes", List.of("run")));
		this.deletedKey = this.owner.newKey(Map.of("name", "deleted", "scopes", List.of("run")));
		this.rateLimitedKey = this.owner
			.newKey(Map.of("name", "limited", "scopes", List.of("run"), "rateLimitPerMinute", 1));
		this.otherDeploymentKey = this.owner
			.newKey(Map.of("name", "other", "scopes", List.of("run"), "deploymentIds", List.of(this.disabled)));
		this.otherOwnersKey = Owner.create(stack, "intruder-" + suffix).manageKey();
		awaitInGateway();
		revokeKeys();
		awaitExpired(expiresAt);
	}

	Set<String> deploymentIds() {
		return Set.of(this.target, this.disabled, this.deleted, this.limited);
	}

	private static Map<String, Object> flow() {
		return Map.of("name", "checked inputs", "nodes",
				List.of(Map.of("id", "text", "type", "input", "config",
						Map.of("name", "text", "inputType", "text", "required", true, "testValue", "hi")),
						Map.of("id", "count", "type", "input", "config",
								Map.of("name", "count", "inputType", "number", "required", true, "testValue", 1)),
						Map.of("id", "out", "type", "output", "config",
								Map.of("name", "echo", "value", "{{input.text}} x {{input.count}}"))),
				"edges", List.of(Map.of("from", "text", "to", "out"), Map.of("from", "count", "to", "out")));
	}

	private String deploy(String flowId, Map<String, Object> extra) {
		Map<String, Object> settings = new LinkedHashMap<>(
				Map.of("flowId", flowId, "mode", "sync", "environment", "production", "syncTimeoutSeconds", 20));
		settings.putAll(extra);
		return this.owner.post("/v1/deployments", settings, 201).text("/id");
	}

	/**
	 * Waits until the gateway serves each deployment as intended, probing with a call
	 * whose inputs are missing: refused in any case, so it publishes nothing.
	 */
	private void awaitInGateway() {
		awaitProbe(this.target, 400);
		awaitProbe(this.limited, 400);
		awaitProbe(this.disabled, 403);
		awaitProbe(this.deleted, 400);
		Api.Response deleted = this.api.delete("/v1/deployments/" + this.deleted, this.owner.manage());
		assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
		awaitProbe(this.deleted, 404);
	}

	private void awaitProbe(String deploymentId, int status) {
		String path = Endpoint.NATIVE.path(deploymentId);
		await().atMost(VIEW_LAG)
			.until(() -> this.api.post(path, this.runKey.bearer(), Map.of("input_data", Map.of())).status() == status);
	}

	private void revokeKeys() {
		Api.Response deactivated = this.api.post("/v1/keys/" + this.deactivatedKey.id() + "/deactivate",
				this.owner.manage(), Map.of());
		assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
		Api.Response deleted = this.api.delete("/v1/keys/" + this.deletedKey.id(), this.owner.manage());
		assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
		Owner.awaitRefusedByGateway(this.api, this.deactivatedKey.secret());
		Owner.awaitRefusedByGateway(this.api, this.deletedKey.secret());
	}

	private void awaitExpired(Instant expiresAt) {
		await().atMost(VIEW_LAG).until(() -> Instant.now().isAfter(expiresAt));
		String probe = "/v1/executions/" + UUID.randomUUID();
		await().atMost(VIEW_LAG)
			.until(() -> this.api.get(probe, this.expiredKey.bearer()).body().contains("The API key has expired"));
	}

	/** Uses up the rate-limited key's budget with reads, which publish nothing. */
	void exhaustKeyRateLimit() {
		String probe = "/v1/executions/" + UUID.randomUUID();
		await().atMost(VIEW_LAG).until(() -> this.api.get(probe, this.rateLimitedKey.bearer()).status() == 429);
	}

	/**
	 * Uses up the limited deployment's budget with calls lacking their inputs: the limit
	 * is counted before the inputs are checked, and refused calls publish nothing.
	 */
	void exhaustDeploymentRateLimit() {
		awaitProbe(this.limited, 429);
	}

	/** The run key with its checksum broken: right length and alphabet, wrong CRC. */
	String runKeyWithBadChecksum() {
		String key = this.runKey.secret();
		char last = key.charAt(key.length() - 1);
		return key.substring(0, key.length() - 1) + ((last == 'A') ? 'B' : 'A');
	}

	/** A call that is fine but for what a case spoils. */
	Endpoint.Call valid() {
		return Endpoint.Call.of(this.target, this.runKey.secret(), new HashMap<>(VALID_INPUTS));
	}

}
