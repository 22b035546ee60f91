package dev.flowgate.deployments.domain.usage;

import java.time.Instant;

import dev.flowgate.contracts.ExecutionStatus;

/**
 * What usage needs of one execution.
 *
 * @param durationMillis {@code null} until the execution finished
 * @param keyId the API key that triggered it, or {@code null}
 */
public record UsageSample(Instant createdAt, ExecutionStatus status, Long durationMillis, long promptTokens,
		long completionTokens, String keyId) {

	/** An execution no API key is known for. */
	public UsageSample(Instant createdAt, ExecutionStatus status, Long durationMillis, long promptTokens,
			long completionTokens) {
		this(createdAt, status, durationMillis, promptTokens, completionTokens, null);
	}

}
