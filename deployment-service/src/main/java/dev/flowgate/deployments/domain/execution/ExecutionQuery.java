package dev.flowgate.deployments.domain.execution;

import java.time.Instant;

import dev.flowgate.deployments.domain.TimeCursor;
import dev.flowgate.contracts.ExecutionStatus;

/**
 * One page of a deployment's executions, newest first.
 *
 * @param deploymentId the deployment, or {@code null} for all the owner's
 * @param status only this status, or {@code null} for all
 * @param from created at or after, or {@code null}
 * @param to created before, or {@code null}
 * @param keyId triggered with this API key, or {@code null} for any
 * @param after the previous page's cursor, or {@code null} for the first page
 */
public record ExecutionQuery(String ownerId, String deploymentId, ExecutionStatus status, Instant from, Instant to,
		String keyId, TimeCursor after, int limit) {
}
