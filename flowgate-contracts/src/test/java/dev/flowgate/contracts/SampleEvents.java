package dev.flowgate.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** One fully populated instance of every event type. */
final class SampleEvents {

	static final Instant NOW = Instant.parse("2026-11-23T10:15:30.123Z");

	private SampleEvents() {
	}

	static List<FlowgateEvent> all() {
		FlowDefinition flow = new FlowDefinition(
				List.of(new FlowNode("question", "input", Map.of("name", "question", "inputType", "text")),
						new FlowNode("answer", "output", Map.of("name", "answer", "value", "{{input.question}}"))),
				List.of(new FlowEdge("question", "answer", null)));
		NodeTrace trace = new NodeTrace("answer", "output", NodeStatus.SUCCEEDED, NOW, 3, "hi", null, 1,
				new TokenUsage(12, 7));
		return List.of(
				new ExecutionRequested(id(), 1, NOW, "e-1", "o-1", "d-1", 2, "k-1", TriggerSource.AICUFLOW,
						DeploymentMode.SYNC, Map.of("question", "hi"), "gw-a", NOW.plusSeconds(300), null, null,
						"idem-1", "sha256:0c0ffee"),
				new ExecutionStarted(id(), 1, NOW, "e-1", "o-1", "d-1", 2, "runner-1"),
				new ExecutionCompleted(id(), 1, NOW, "e-1", "o-1", "d-1", 2, ExecutionStatus.FAILED,
						Map.of("answer", "hi"), new ExecutionError("answer", "node_failed", "boom"), List.of(trace),
						NOW, NOW.plusMillis(40), 40, new TokenUsage(12, 7), "gw-a",
						new DeliveryTarget("https://example.com/hook", "ops@example.com", true), "runner-1", "answers",
						null),
				new KeyStateChanged(id(), 1, NOW, "k-1", "o-1", "ci", "sk-EuT64…oyU_O", "ab12", "cd34",
						NOW.plusSeconds(60), Set.of(KeyScope.RUN), Set.of("d-1"), NOW.plusSeconds(3600), 120,
						KeyStatus.ACTIVE, 3L),
				new DeploymentStateChanged(id(), 1, NOW, "d-1", "o-1", "answers", "f-1", 2, flow, DeploymentMode.ASYNC,
						DeploymentEnvironment.PRODUCTION, true, 30,
						new DeliveryTarget("https://example.com/hook", null, false), new DeploymentLimits(10, 600)),
				new DeliveryFailed(id(), 1, NOW, "dl-1", "e-1", "o-1", "d-1", DeliveryChannel.CALLBACK,
						"https://example.com/hook", 10, "HTTP 500"),
				new TriggersRejected(id(), 1, NOW, "o-1", "d-1", NOW.minusSeconds(10), NOW,
						Map.of("invalid_input", 3L, "rate_limited", 1L)),
				new ExecutionCancellationRequested(id(), 1, NOW, "e-1", "o-1", "d-1"),
				new RateLimitRequestsCounted(id(), 1, NOW, "gw-a",
						List.of(new RateLimitRequestsCounted.Counted(RateLimitRequestsCounted.Limit.KEY, "k-1", 120,
								7))),
				new InFlightExecutionsCounted(id(), 1, NOW, "gw-a", Map.of("d-1", 3)),
				new OwnerDeleted(id(), 1, NOW, "o-1"));
	}

	private static UUID id() {
		return UUID.randomUUID();
	}

}
