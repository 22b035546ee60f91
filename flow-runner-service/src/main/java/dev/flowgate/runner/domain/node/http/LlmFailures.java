package dev.flowgate.runner.domain.node.http;

import dev.flowgate.runner.domain.node.NodeFailedException;
import dev.flowgate.runner.domain.template.ValuePath;

/**
 * Why a successful (2xx) answer of an LLM server holds no content, in the server's own
 * words where it gave any: what the flow's author needs to fix the node.
 */
final class LlmFailures {

	private static final ValuePath ERROR_MESSAGE = ValuePath.parse("response.error.message");

	private static final ValuePath ERROR = ValuePath.parse("response.error");

	private static final ValuePath REFUSAL = ValuePath.parse("response.choices.0.message.refusal");

	private LlmFailures() {
	}

	/**
	 * An answer that is no JSON, an error or a refusal comes again when asked again: not
	 * retried. Only an answer that says nothing at all may be.
	 * @param response the answer parsed, or its text when it is no JSON
	 * @param server the server as errors show it
	 */
	static NodeFailedException noContent(Object response, String server) {
		if (response instanceof String text) {
			return NodeFailedException
				.permanent("the LLM at %s answered with no JSON: %s".formatted(server, HttpReply.quote(text)));
		}
		Object error = (ERROR_MESSAGE.resolveAfterRoot(response) instanceof String message) ? message
				: ERROR.resolveAfterRoot(response);
		if (error instanceof String message) {
			return NodeFailedException
				.permanent("the LLM at %s answered with an error: %s".formatted(server, HttpReply.quote(message)));
		}
		if (REFUSAL.resolveAfterRoot(response) instanceof String refusal) {
			return NodeFailedException
				.permanent("the LLM at %s refused: %s".formatted(server, HttpReply.quote(refusal)));
		}
		return new NodeFailedException("the LLM response has no choices[0].message.content");
	}

}
