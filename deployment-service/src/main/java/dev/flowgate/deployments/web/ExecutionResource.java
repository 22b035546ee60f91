package dev.flowgate.deployments.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.NodeStatus;
import dev.flowgate.contracts.NodeTrace;
import dev.flowgate.contracts.TriggerSource;
import dev.flowgate.deployments.domain.execution.ExecutionPage;
import dev.flowgate.deployments.domain.execution.ExecutionRecord;
import dev.flowgate.deployments.domain.execution.Outcome;
import dev.flowgate.deployments.domain.execution.Trigger;

/**
 * The EXECUTION resource, in snake_case like aicuflow's API. The gateway builds the same
 * shape for synchronous answers: keep the names in step.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ExecutionResource(String id, String deploymentId, Integer flowVersion, ExecutionStatus status,
		Map<String, Object> inputData, Map<String, Object> outputData, Error error, List<TraceEntry> trace,
		Double durationSeconds, TriggerSource source, String keyId, String replayOf, Instant createdAt,
		Instant startedAt, Instant finishedAt, Instant cancelRequestedAt, Links links,
		@JsonInclude(JsonInclude.Include.NON_NULL) InputsCheck inputsCheck) {

	private static final double MILLIS_PER_SECOND = 1000.0;

	/**
	 * With what the gateway's idempotency check compares a repeat's inputs by, for that
	 * check alone: a digest of short inputs would let a caller confirm a guess of them.
	 */
	static ExecutionResource withInputsCheck(ExecutionRecord record) {
		Trigger trigger = record.trigger();
		return of(record,
				(trigger != null) ? new InputsCheck(trigger.inputsDigest(), trigger.inputs().truncated()) : null);
	}

	static ExecutionResource of(ExecutionRecord record) {
		return of(record, null);
	}

	private static ExecutionResource of(ExecutionRecord record, InputsCheck inputsCheck) {
		Trigger trigger = record.trigger();
		Outcome outcome = record.outcome();
		return new ExecutionResource(record.id(), record.deploymentId(), record.flowVersion(), record.status(),
				(trigger != null) ? trigger.inputs().values() : null,
				(outcome != null) ? outcome.outputs().values() : null,
				(outcome != null && outcome.error() != null)
						? new Error(outcome.error().nodeId(), outcome.error().code(), outcome.error().message()) : null,
				(outcome != null) ? outcome.trace().stream().map(TraceEntry::of).toList() : List.of(),
				(outcome != null) ? outcome.durationMillis() / MILLIS_PER_SECOND : null,
				(trigger != null) ? trigger.source() : null, (trigger != null) ? trigger.keyId() : null,
				(trigger != null) ? trigger.replayOf() : null, record.createdAt(), record.startedAt(),
				(outcome != null) ? outcome.finishedAt() : null, record.cancelRequestedAt(),
				new Links("/v1/executions/" + record.id(), "/v1/deployments/" + record.deploymentId()), inputsCheck);
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Error(String nodeId, String code, String message) {

	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record TraceEntry(String nodeId, String nodeType, NodeStatus status, Instant startedAt, long durationMs,
			Object output, String error, int attempts, Tokens tokens) {

		static TraceEntry of(NodeTrace node) {
			Tokens tokens = (node.tokenUsage() != null)
					? new Tokens(node.tokenUsage().promptTokens(), node.tokenUsage().completionTokens())
					: new Tokens(0, 0);
			return new TraceEntry(node.nodeId(), node.nodeType(), node.status(), node.startedAt(),
					node.durationMillis(), node.output(), node.error(), node.attempts(), tokens);
		}

	}

	/**
	 * @param inputsDigest the gateway's digest of the inputs in full, {@code null} for a
	 * trigger without one
	 * @param inputsTruncated whether {@code input_data} was cut to the size limit
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record InputsCheck(String inputsDigest, boolean inputsTruncated) {

	}

	record Tokens(long prompt, long completion) {

	}

	record Links(String self, String deployment) {

	}

	/**
	 * A page of executions; the wrapper is camelCase like the rest of the management API.
	 */
	record Page(List<ExecutionResource> items, String nextCursor) {

		static Page of(ExecutionPage page) {
			return new Page(page.items().stream().map(ExecutionResource::of).toList(),
					(page.next() != null) ? page.next().encode() : null);
		}

	}

}
