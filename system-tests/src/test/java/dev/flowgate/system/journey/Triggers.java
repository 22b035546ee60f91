package dev.flowgate.system.journey;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import dev.flowgate.system.Api;
import dev.flowgate.system.Owner;
import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/** Trigger and poll helpers of the journey. */
final class Triggers {

	private static final Duration VIEW_LAG = Duration.ofSeconds(30);

	private static final Duration EXECUTION = Duration.ofSeconds(60);

	private static final int NOT_FOUND = 404;

	private Triggers() {
	}

	/**
	 * Repeats a trigger while the gateway does not know the new deployment yet (404: such
	 * calls publish nothing).
	 */
	static Api.Response untilDeployed(Supplier<Api.Response> trigger) {
		return await().atMost(VIEW_LAG).until(trigger::get, (response) -> response.status() != NOT_FOUND);
	}

	/** Polls an execution with {@code GET} until it has finished. */
	static JsonNode pollUntilFinished(Api api, String path, Owner.ApiKey key) {
		return await().atMost(EXECUTION)
			.until(() -> api.get(path, key.bearer()).json(),
					(execution) -> !execution.at("/status").asString().matches("queued|running"));
	}

	static Map<String, Object> warmInputs(String question) {
		return Map.of("input_data", Map.of("question", question, "city", WeatherFlow.WARM_CITY));
	}

	/** The trace entry of one node. */
	static JsonNode traceNode(JsonNode execution, String nodeId) {
		return execution.get("trace")
			.values()
			.stream()
			.filter((node) -> nodeId.equals(node.get("node_id").asString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No trace entry for " + nodeId + " in " + execution));
	}

}
