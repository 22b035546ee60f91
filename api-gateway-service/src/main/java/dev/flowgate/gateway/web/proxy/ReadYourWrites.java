package dev.flowgate.gateway.web.proxy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.DeploymentEnvironment;
import dev.flowgate.contracts.DeploymentLimits;
import dev.flowgate.contracts.DeploymentMode;
import dev.flowgate.contracts.KeyScope;
import dev.flowgate.contracts.KeyStatus;
import dev.flowgate.gateway.config.GatewayProperties;
import dev.flowgate.gateway.domain.deployment.DeploymentView;
import dev.flowgate.gateway.domain.deployment.ExpectedDeployment;
import dev.flowgate.gateway.domain.key.ExpectedKey;
import dev.flowgate.gateway.domain.key.KeyView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes through this replica: a management call that changed a key or a
 * deployment is answered once this replica's view has the change (or after
 * {@code flowgate.gateway.management.view-wait}, answered anyway), so that the caller's
 * next call here does not meet the state before it: a 401 for a key just created or
 * rotated, a 404 for a deployment just created. The services answer no version, so the
 * view's state is compared with what they answered; another replica may still lag.
 */
@Component
class ReadYourWrites {

	private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);

	private static final CompletableFuture<Boolean> NOTHING_TO_WAIT_FOR = CompletableFuture.completedFuture(true);

	/** In {@code /v1/keys/{id}} and {@code /v1/deployments/{id}}, split at each slash. */
	private static final int ID_SEGMENT = 2;

	/** The calls that change what the views hold, and how to wait for each. */
	private final List<Write> writes = List.of(new Write("POST", "v1/keys", this::keyAnswered),
			new Write("POST", "v1/owners/*/keys", this::keyAnswered),
			new Write("POST", "v1/owners", (path, body) -> keyAnswered(path, body.path("key"))),
			new Write("PATCH", "v1/keys/*", this::keyAnswered),
			new Write("POST", "v1/keys/*/rotate", this::keyAnswered),
			new Write("POST", "v1/keys/*/activate", this::keyAnswered),
			new Write("POST", "v1/keys/*/deactivate", this::keyAnswered),
			new Write("DELETE", "v1/keys/*", this::keyDeleted),
			new Write("POST", "v1/deployments", this::deploymentAnswered),
			new Write("PATCH", "v1/deployments/*", this::deploymentAnswered),
			new Write("DELETE", "v1/deployments/*", this::deploymentDeleted));

	private final KeyView keys;

	private final DeploymentView deployments;

	private final JsonMapper json;

	private final Duration wait;

	ReadYourWrites(KeyView keys, DeploymentView deployments, JsonMapper json, GatewayProperties properties) {
		this.keys = keys;
		this.deployments = deployments;
		this.json = json;
		this.wait = properties.management().viewWait();
	}

	/**
	 * @param path the request path, starting with {@code /}
	 * @return completes once the call can be answered: at once unless it was a successful
	 * change of a key or deployment; then once the view has it, or the wait ran out
	 */
	CompletableFuture<Boolean> applied(String method, String path, ResponseEntity<byte[]> answer) {
		if (!answer.getStatusCode().is2xxSuccessful()) {
			return NOTHING_TO_WAIT_FOR;
		}
		String[] segments = path.substring(1).split("/", -1);
		return this.writes.stream()
			.filter((write) -> write.matches(method, segments))
			.findFirst()
			.map((write) -> awaited(write, segments, answer.getBody()))
			.orElse(NOTHING_TO_WAIT_FOR);
	}

	private CompletableFuture<Boolean> awaited(Write write, String[] segments, byte[] body) {
		try {
			JsonNode answered = (body != null) ? this.json.readTree(body) : this.json.missingNode();
			return write.await().apply(segments, answered);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			// Not the resource the service answers: nothing to tell the view by, and no
			// reason to fail a call the service carried out.
			log.debug("Not waiting for the view: the answer to {} does not say what changed: {}",
					String.join("/", segments), ex.getMessage());
			return NOTHING_TO_WAIT_FOR;
		}
	}

	private CompletableFuture<Boolean> keyAnswered(String[] path, JsonNode key) {
		if (!key.path("id").isString()) {
			return NOTHING_TO_WAIT_FOR;
		}
		ExpectedKey expected = ExpectedKey.of(key.path("id").stringValue());
		if (key.path("secret").isString()) {
			expected.secret(key.path("secret").stringValue());
		}
		ifPresent(key, "status", (status) -> expected.status(this.json.treeToValue(status, KeyStatus.class)));
		ifPresent(key, "scopes", (scopes) -> expected.scopes(setOf(scopes, KeyScope.class)));
		ifPresent(key, "deploymentIds", (ids) -> expected.deploymentIds(setOf(ids, String.class)));
		ifPresent(key, "expiresAt", (expiry) -> expected.expiresAt(this.json.treeToValue(expiry, Instant.class)));
		ifPresent(key, "rateLimitPerMinute",
				(limit) -> expected.rateLimitPerMinute(this.json.treeToValue(limit, Integer.class)));
		return logged(this.keys.awaitApplied(expected, this.wait), expected);
	}

	private CompletableFuture<Boolean> keyDeleted(String[] path, JsonNode answer) {
		String keyId = path[ID_SEGMENT];
		return logged(this.keys.awaitDeleted(keyId, this.wait), "the deletion of key " + keyId);
	}

	private CompletableFuture<Boolean> deploymentAnswered(String[] path, JsonNode deployment) {
		if (!deployment.path("id").isString()) {
			return NOTHING_TO_WAIT_FOR;
		}
		ExpectedDeployment expected = ExpectedDeployment.of(deployment.path("id").stringValue());
		ifPresent(deployment, "flowVersion",
				(version) -> expected.flowVersion(this.json.treeToValue(version, Integer.class)));
		ifPresent(deployment, "mode", (mode) -> expected.mode(this.json.treeToValue(mode, DeploymentMode.class)));
		ifPresent(deployment, "environment",
				(environment) -> expected.environment(this.json.treeToValue(environment, DeploymentEnvironment.class)));
		ifPresent(deployment, "enabled", (enabled) -> expected.enabled(this.json.treeToValue(enabled, Boolean.class)));
		ifPresent(deployment, "syncTimeoutSeconds",
				(timeout) -> expected.syncTimeoutSeconds(this.json.treeToValue(timeout, Integer.class)));
		ifPresent(deployment, "delivery",
				(delivery) -> expected.delivery(this.json.treeToValue(delivery, DeliveryTarget.class)));
		ifPresent(deployment, "limits",
				(limits) -> expected.limits(this.json.treeToValue(limits, DeploymentLimits.class)));
		return logged(this.deployments.awaitApplied(expected, this.wait), expected);
	}

	private CompletableFuture<Boolean> deploymentDeleted(String[] path, JsonNode answer) {
		String deploymentId = path[ID_SEGMENT];
		return logged(this.deployments.awaitDeleted(deploymentId, this.wait),
				"the deletion of deployment " + deploymentId);
	}

	private CompletableFuture<Boolean> logged(CompletableFuture<Boolean> applied, Object change) {
		return applied.thenApply((done) -> {
			if (!done) {
				log.info("This replica's view did not show {} within {}: answering the call anyway", change, this.wait);
			}
			return done;
		});
	}

	private <T> Set<T> setOf(JsonNode array, Class<T> type) {
		Set<T> values = new HashSet<>();
		array.forEach((value) -> values.add(this.json.treeToValue(value, type)));
		return values;
	}

	/** Compares only what the answer told: a field it lacks says nothing. */
	private static void ifPresent(JsonNode resource, String field, Consumer<JsonNode> expect) {
		if (resource.has(field)) {
			expect.accept(resource.get(field));
		}
	}

	/** A call by method and path pattern ({@code *}: one segment), and its wait. */
	private record Write(String method, String pattern,
			BiFunction<String[], JsonNode, CompletableFuture<Boolean>> await) {

		boolean matches(String requestMethod, String[] segments) {
			String[] parts = this.pattern.split("/");
			if (!this.method.equals(requestMethod) || parts.length != segments.length) {
				return false;
			}
			for (int i = 0; i < parts.length; i++) {
				boolean matches = parts[i].equals("*") ? !segments[i].isEmpty() : parts[i].equals(segments[i]);
				if (!matches) {
					return false;
				}
			}
			return true;
		}

	}

}
