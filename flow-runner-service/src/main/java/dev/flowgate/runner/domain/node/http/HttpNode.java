package dev.flowgate.runner.domain.node.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.flowgate.flowrules.NodeType;
import dev.flowgate.runner.domain.json.JsonCodec;
import dev.flowgate.runner.domain.node.NodeCall;
import dev.flowgate.runner.domain.node.NodeConfig;
import dev.flowgate.runner.domain.node.NodeExecutor;
import dev.flowgate.runner.domain.node.NodeFailedException;
import dev.flowgate.runner.domain.node.NodeResult;
import dev.flowgate.runner.domain.template.TemplateScope;
import dev.flowgate.runner.domain.template.Templates;

/**
 * Calls an HTTP API: {@code {status, headers, body}}, the body parsed when it is JSON. A
 * status outside 2xx fails the node.
 */
final class HttpNode implements NodeExecutor {

	private static final String CONTENT_TYPE = "Content-Type";

	private static final String JSON = "application/json";

	private final OutboundHttp http;

	private final Templates templates;

	private final JsonCodec json;

	public HttpNode(OutboundHttp http, Templates templates, JsonCodec json) {
		this.http = http;
		this.templates = templates;
		this.json = json;
	}

	@Override
	public NodeType type() {
		return NodeType.HTTP;
	}

	@Override
	public CompletableFuture<NodeResult> execute(NodeCall call) {
		NodeConfig config = call.config();
		String url = UrlTemplates.render(this.templates, "url", config.requiredText("url"), call.scope());
		OutboundRequest request = request(config, url, call.scope());
		return this.http.sendGuarded(request, this.http.maxResponseBytes(), call.cancellation()).thenApply((reply) -> {
			if (!reply.isSuccess()) {
				throw reply.failure(OutboundHttp.forDisplay(request.uri()));
			}
			Map<String, Object> output = new LinkedHashMap<>();
			output.put("status", reply.status());
			output.put("headers", reply.headerMap());
			output.put("body", reply.isJson() ? this.json.readOrText(reply.text()) : reply.text());
			return NodeResult.of(output);
		});
	}

	private OutboundRequest request(NodeConfig config, String url, TemplateScope scope) {
		URI uri = this.http.flowUri(url);
		Map<String, String> headers = new LinkedHashMap<>();
		config.object("headers")
			.forEach((name, value) -> headers.put(name, this.templates.text(String.valueOf(value), scope)));
		Object body = body(config.raw("body"), scope);
		byte[] bytes = null;
		if (body instanceof String text) {
			bytes = text.getBytes(StandardCharsets.UTF_8);
		}
		else if (body != null) {
			bytes = this.json.writeBytes(body);
			if (headers.keySet().stream().noneMatch(CONTENT_TYPE::equalsIgnoreCase)) {
				headers.put(CONTENT_TYPE, JSON);
			}
		}
		String method = config.text("method", "GET").toUpperCase(Locale.ROOT);
		try {
			return new OutboundRequest(method, uri, headers, bytes);
		}
		catch (IllegalArgumentException ex) {
			throw NodeFailedException.permanent(ex.getMessage());
		}
	}

	/**
	 * A string body is a template (a lone reference to an object sends it as JSON); an
	 * object body is JSON whose string values are templates.
	 */
	private Object body(Object template, TemplateScope scope) {
		if (template instanceof String text) {
			return this.templates.value(text, scope);
		}
		return this.templates.deep(template, scope);
	}

}
