package dev.flowgate.runner.domain.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.flowgate.contracts.FlowNode;
import dev.flowgate.contracts.NodeStatus;
import dev.flowgate.contracts.NodeTrace;
import dev.flowgate.contracts.TokenUsage;
import dev.flowgate.runner.domain.json.JsonCodec;
import tools.jackson.core.JacksonException;

/** The per-node trace of one run, in the order nodes started or were skipped. */
final class TraceLog {

	private final Map<String, NodeTrace> entries = new LinkedHashMap<>();

	private final JsonCodec json;

	private final int maxOutputChars;

	TraceLog(JsonCodec json, int maxOutputChars) {
		this.json = json;
		this.maxOutputChars = maxOutputChars;
	}

	void started(FlowNode node, Instant at) {
		this.entries.put(node.id(), new NodeTrace(node.id(), node.type(), null, at, 0, null, null, 0, TokenUsage.NONE));
	}

	void succeeded(FlowNode node, Instant at, Invocation invocation) {
		NodeTrace started = this.entries.get(node.id());
		this.entries.put(node.id(),
				new NodeTrace(node.id(), node.type(), NodeStatus.SUCCEEDED, started.startedAt(), since(started, at),
						truncated(invocation.result().output()), null, invocation.attempts(), invocation.tokenUsage()));
	}

	void failed(FlowNode node, Instant at, Invocation invocation) {
		failed(node, at, invocation.attempts(), invocation.error(), invocation.tokenUsage());
	}

	/**
	 * A node still running when the run ended, with the tokens of its attempts that had
	 * failed: they are paid for.
	 */
	void abandoned(FlowNode node, Instant at, int attempts, TokenUsage failedAttempts, String reason) {
		failed(node, at, attempts, reason, failedAttempts);
	}

	private void failed(FlowNode node, Instant at, int attempts, String error, TokenUsage tokenUsage) {
		NodeTrace started = this.entries.get(node.id());
		this.entries.put(node.id(), new NodeTrace(node.id(), node.type(), NodeStatus.FAILED, started.startedAt(),
				since(started, at), null, error, attempts, tokenUsage));
	}

	void skipped(FlowNode node, Instant at) {
		this.entries.put(node.id(),
				new NodeTrace(node.id(), node.type(), NodeStatus.SKIPPED, at, 0, null, null, 0, TokenUsage.NONE));
	}

	List<NodeTrace> entries() {
		return List.copyOf(this.entries.values());
	}

	TokenUsage tokenUsage() {
		return this.entries.values().stream().map(NodeTrace::tokenUsage).reduce(TokenUsage.NONE, TokenUsage::plus);
	}

	/** Large outputs are kept as the start of their JSON, marked as cut. */
	private Object truncated(Object output) {
		if (output == null) {
			return null;
		}
		String text;
		try {
			text = this.json.write(output);
		}
		catch (JacksonException ex) {
			// Nested deeper than writers allow: the trace says so rather than fail the
			// run.
			return "[not shown: the output cannot be written as JSON: " + ex.getOriginalMessage() + "]";
		}
		if (text.length() <= this.maxOutputChars) {
			return output;
		}
		// Not between the two halves of a pair: a lone surrogate is no valid JSON text.
		int cut = (this.maxOutputChars > 0 && Character.isHighSurrogate(text.charAt(this.maxOutputChars - 1)))
				? this.maxOutputChars - 1 : this.maxOutputChars;
		return text.substring(0, cut) + "… (%d more characters)".formatted(text.length() - cut);
	}

	private static long since(NodeTrace started, Instant at) {
		return Duration.between(started.startedAt(), at).toMillis();
	}

}
