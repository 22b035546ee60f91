package dev.flowgate.deployments.domain.execution;

import java.time.Instant;

import dev.flowgate.contracts.DeploymentMode;
import dev.flowgate.contracts.TriggerSource;

/**
 * What the trigger of an execution said; known once its request was recorded.
 *
 * @param inputsDigest the gateway's digest of the inputs in full (with an
 * {@code idempotencyKey}), which tells a repeat where {@code inputs} were cut
 * @param callbackUrl the call's own callback URL, or {@code null}: a replay names it too,
 * and the runner uses it where the deployment allows a call its own
 */
public record Trigger(TriggerSource source, DeploymentMode mode, String keyId, String replayOf, String idempotencyKey,
		String inputsDigest, Payload inputs, Instant deadline, String callbackUrl) {
}
