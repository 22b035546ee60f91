package dev.flowgate.deployments.domain.execution;

import java.time.Instant;

import dev.flowgate.contracts.DeploymentMode;
import dev.flowgate.contracts.TriggerSource;

/** What the trigger of an execution said; known once its request was recorded. */
public record Trigger(TriggerSource source, DeploymentMode mode, String keyId, String replayOf, String idempotencyKey,
		Payload inputs, Instant deadline) {
}
