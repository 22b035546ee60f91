package dev.flowgate.deployments.persistence;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

import dev.flowgate.contracts.NodeTrace;
import dev.flowgate.contracts.TokenUsage;
import dev.flowgate.deployments.domain.execution.ExecutionRecord;
import dev.flowgate.deployments.domain.execution.Outcome;
import dev.flowgate.deployments.domain.execution.Payload;
import dev.flowgate.deployments.domain.execution.Trigger;

/** Converts between execution records and their documents. */
@Component
class ExecutionMapper {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private static final TypeReference<List<NodeTrace>> TRACE = new TypeReference<>() {
	};

	private final JsonText json;

	private final Clock clock;

	ExecutionMapper(JsonText json, Clock clock) {
		this.json = json;
		this.clock = clock;
	}

	/** The document to write now (stamped with the time of the write). */
	ExecutionDocument toDocument(ExecutionRecord record, long revision, boolean awaitingPublication,
			Instant publishLeaseUntil) {
		Trigger trigger = record.trigger();
		Outcome outcome = record.outcome();
		boolean requested = trigger != null;
		boolean completed = outcome != null;
		TokenUsage tokens = completed ? outcome.tokenUsage() : TokenUsage.NONE;
		return new ExecutionDocument(record.id(), record.ownerId(), record.deploymentId(), record.flowVersion(),
				record.flowVersionConfirmed(), record.status(), requested, requested ? trigger.source() : null,
				requested ? trigger.mode() : null, requested ? trigger.keyId() : null,
				requested ? trigger.replayOf() : null, requested ? trigger.idempotencyKey() : null,
				requested ? trigger.inputsDigest() : null,
				requested ? this.json.write(trigger.inputs().values()) : null,
				requested && trigger.inputs().truncated(), requested ? trigger.deadline() : null,
				requested ? trigger.callbackUrl() : null, completed,
				completed ? this.json.write(outcome.outputs().values()) : null,
				completed && outcome.outputs().truncated(), completed ? outcome.error() : null,
				completed ? this.json.write(outcome.trace()) : null, completed ? outcome.finishedAt() : null,
				completed ? outcome.durationMillis() : null, tokens.promptTokens(), tokens.completionTokens(),
				record.createdAt(), record.startedAt(), revision, awaitingPublication, publishLeaseUntil,
				this.clock.instant(), record.cancelRequestedAt());
	}

	ExecutionRecord toDomain(ExecutionDocument document) {
		Trigger trigger = document.requested() ? new Trigger(document.source(), document.mode(), document.keyId(),
				document.replayOf(), document.idempotencyKey(), document.inputsDigest(),
				new Payload(this.json.read(document.inputsJson(), MAP), document.inputsTruncated()),
				document.deadline(), document.callbackUrl()) : null;
		Outcome outcome = document.completed()
				? new Outcome(new Payload(this.json.read(document.outputsJson(), MAP), document.outputsTruncated()),
						document.error(), this.json.read(document.traceJson(), TRACE), document.finishedAt(),
						document.durationMillis(), new TokenUsage(document.promptTokens(), document.completionTokens()))
				: null;
		return new ExecutionRecord(document.id(), document.ownerId(), document.deploymentId(), document.flowVersion(),
				document.flowVersionConfirmed(), document.status(), trigger, outcome, document.createdAt(),
				document.startedAt(), document.cancelRequestedAt());
	}

}
