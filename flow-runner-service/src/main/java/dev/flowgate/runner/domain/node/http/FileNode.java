package dev.flowgate.runner.domain.node.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.flowgate.flowrules.NodeType;
import dev.flowgate.runner.domain.node.NodeCall;
import dev.flowgate.runner.domain.node.NodeConfig;
import dev.flowgate.runner.domain.node.NodeExecutor;
import dev.flowgate.runner.domain.node.NodeResult;
import dev.flowgate.runner.domain.template.Templates;

/** Downloads a file: {@code {text, contentType, bytes}}; a file over the cap fails. */
final class FileNode implements NodeExecutor {

	private final OutboundHttp http;

	private final Templates templates;

	public FileNode(OutboundHttp http, Templates templates) {
		this.http = http;
		this.templates = templates;
	}

	@Override
	public NodeType type() {
		return NodeType.FILE;
	}

	@Override
	public CompletableFuture<NodeResult> execute(NodeCall call) {
		NodeConfig config = call.config();
		String url = UrlTemplates.render(this.templates, "url", config.requiredText("url"), call.scope());
		// At most the runner's cap: a flow must not choose how much of a runner's heap
		// one download takes.
		long maxBytes = Math.min(config.number("maxBytes").map(Number::longValue).orElse(Long.MAX_VALUE),
				this.http.maxResponseBytes());
		OutboundRequest request = OutboundRequest.get(this.http.flowUri(url));
		return this.http.sendGuarded(request, maxBytes, call.cancellation()).thenApply((reply) -> {
			if (!reply.isSuccess()) {
				throw reply.failure(OutboundHttp.forDisplay(request.uri()));
			}
			Map<String, Object> output = new LinkedHashMap<>();
			output.put("text", reply.text());
			output.put("contentType", reply.contentType());
			output.put("bytes", reply.body().length);
			return NodeResult.of(output);
		});
	}

}
