package dev.flowgate.runner.messaging;

import java.util.Map;

import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionError;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.NodeTrace;
import org.apache.kafka.common.errors.RecordTooLargeException;
import tools.jackson.core.JacksonException;

/**
 * A result larger than Kafka takes, or nested deeper than JSON writers and readers allow,
 * can never be published: it is replaced by a failure that says so, without the outputs,
 * so that the execution still ends, is recorded and delivered, instead of its trigger
 * waiting for ever.
 */
final class OversizedResults {

	private OversizedResults() {
	}

	static boolean isReplacement(ExecutionCompleted result) {
		return result.error() != null && (ExecutionError.RESULT_TOO_LARGE.equals(result.error().code())
				|| ExecutionError.RESULT_TOO_DEEP.equals(result.error().code()));
	}

	static ExecutionCompleted withoutOutputs(ExecutionCompleted result, RecordTooLargeException refusal) {
		return withoutOutputs(result, new ExecutionError(null, ExecutionError.RESULT_TOO_LARGE,
				"The result is too large to publish, so its outputs are left out: " + refusal.getMessage()));
	}

	/**
	 * @param refusal why the writer refused it; its path through the result, as long as
	 * the result is deep, is left out
	 */
	static ExecutionCompleted withoutOutputs(ExecutionCompleted result, Throwable refusal) {
		String reason = (refusal instanceof JacksonException jackson) ? jackson.getOriginalMessage()
				: refusal.getClass().getSimpleName();
		return withoutOutputs(result, new ExecutionError(null, ExecutionError.RESULT_TOO_DEEP,
				"The result cannot be written as JSON, so its outputs are left out: " + reason));
	}

	private static ExecutionCompleted withoutOutputs(ExecutionCompleted result, ExecutionError error) {
		return new ExecutionCompleted(result.eventId(), result.schemaVersion(), result.occurredAt(),
				result.executionId(), result.ownerId(), result.deploymentId(), result.flowVersion(),
				ExecutionStatus.FAILED, Map.of(), error,
				result.trace().stream().map(OversizedResults::withoutOutput).toList(), result.startedAt(),
				result.finishedAt(), result.durationMillis(), result.tokenUsage(), result.replyTo(), result.delivery(),
				result.runnerId(), result.deploymentName(), result.cancelRequestedAt());
	}

	private static NodeTrace withoutOutput(NodeTrace node) {
		return new NodeTrace(node.nodeId(), node.nodeType(), node.status(), node.startedAt(), node.durationMillis(),
				null, node.error(), node.attempts(), node.tokenUsage());
	}

}
