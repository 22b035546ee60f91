package dev.flowgate.deployments.domain.execution;

import java.time.Instant;

/**
 * Which of a deployment's executions a list shows; each {@code null} field lets all
 * through.
 *
 * @param status a status token ({@code succeeded}, ...), checked when the list is asked
 * @param from created at or after
 * @param to created before
 * @param keyId triggered with this API key
 */
public record ExecutionFilter(String status, Instant from, Instant to, String keyId) {
}
