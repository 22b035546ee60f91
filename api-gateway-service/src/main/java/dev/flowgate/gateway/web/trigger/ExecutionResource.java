package dev.flowgate.gateway.web.trigger;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.flowgate.contracts.ExecutionError;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.NodeStatus;
import dev.flowgate.contracts.NodeTrace;
import dev.flowgate.contracts.TokenUsage;
import dev.flowgate.contracts.TriggerSource;
import dev.flowgate.gateway.domain.trigger.ExecutionSnapshot;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The execution resource of the native API: the same names as deployment-service's
 * {@code GET /v1/executions/{id}} (keep them in step), which is also read back here.
 *
 * @param trace {@code null}, and left out of the JSON, for a caller that may not read it
 * ({@link dev.flowgate.gateway.domain.key.Caller#readsTraces()})
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExecutionResource(String id, String deploymentId, Integer flowVersion, ExecutionStatus status,
		Map<String, Object> inputData, Map<String, Object> outputData, ErrorBody error,
		@JsonInclude(JsonInclude.Include.NON_NULL) List<TraceEntry> trace, Double durationSeconds, TriggerSource source,
		String keyId, String replayOf, Instant createdAt, Instant startedAt, Instant finishedAt,
		Instant cancelRequestedAt, Links links) {

	/** An execution, with its trace only when {@code withTrace}. */
	public static ExecutionResource of(ExecutionSnapshot execution, boolean withTrace) {
		return new ExecutionResource(execution.executionId(), execution.deploymentId(), execution.flowVersion(),
				execution.status(), execution.inputs(), execution.outputs(), ErrorBody.of(execution.error()),
				withTrace ? execution.trace().stream().map(TraceEntry::of).toList() : null, execution.durationSeconds(),
				execution.source(), execution.keyId(), execution.replayOf(), execution.createdAt(),
				execution.startedAt(), execution.finishedAt(), execution.cancelRequestedAt(),
				Links.of(execution.executionId(), execution.deploymentId()));
	}

	public ExecutionSnapshot toSnapshot() {
		List<NodeTrace> nodes = (this.trace != null) ? this.trace.stream().map(TraceEntry::toNodeTrace).toList()
				: List.of();
		return new ExecutionSnapshot(this.id, this.deploymentId, (this.flowVersion != null) ? this.flowVersion : 0,
				this.status, (this.inputData != null) ? this.inputData : Map.of(), this.outputData,
				(this.error != null) ? this.error.toExecutionError() : null, nodes, this.durationSeconds, this.source,
				this.keyId, this.replayOf, this.createdAt, this.startedAt, this.finishedAt, this.cancelRequestedAt);
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	public record ErrorBody(String nodeId, String code, String message) {

		static ErrorBody of(ExecutionError error) {
			return (error != null) ? new ErrorBody(error.nodeId(), error.code(), error.message()) : null;
		}

		ExecutionError toExecutionError() {
			return new ExecutionError(this.nodeId, this.code, this.message);
		}

	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record TraceEntry(String nodeId, String nodeType, NodeStatus status, Instant startedAt, long durationMs,
			Object output, String error, int attempts, Tokens tokens) {

		static TraceEntry of(NodeTrace node) {
			TokenUsage usage = (node.tokenUsage() != null) ? node.tokenUsage() : TokenUsage.NONE;
			return new TraceEntry(node.nodeId(), node.nodeType(), node.status(), node.startedAt(),
					node.durationMillis(), node.output(), node.error(), node.attempts(),
					new Tokens(usage.promptTokens(), usage.completionTokens()));
		}

		NodeTrace toNodeTrace() {
			TokenUsage usage = (this.tokens != null) ? new TokenUsage(this.tokens.prompt(), this.tokens.completion())
					: TokenUsage.NONE;
			return new NodeTrace(this.nodeId, this.nodeType, this.status, this.startedAt, this.durationMs, this.output,
					this.error, this.attempts, usage);
		}

	}

	public record Tokens(long prompt, long completion) {
	}

	public record Links(String self, String deployment) {

		static Links of(String executionId, String deploymentId) {
			return new Links(ExecutionResponses.pollPath(executionId), "/v1/deployments/" + deploymentId);
		}

	}

}
