package dev.flowgate.gateway.domain.trigger;

import java.time.Duration;

/**
 * @param instanceId this gateway replica, the {@code replyTo} of its sync triggers
 * @param executionDeadline how long an execution may take before it counts as timed out
 * @param kafkaRetryAfter what a caller is told to wait when Kafka did not acknowledge
 */
public record TriggerSettings(String instanceId, Duration executionDeadline, Duration kafkaRetryAfter) {
}
