package dev.flowgate.runner.domain.node.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.flowgate.contracts.TokenUsage;
import dev.flowgate.flowrules.NodeType;
import dev.flowgate.runner.domain.json.JsonCodec;
import dev.flowgate.runner.domain.node.NodeCall;
import dev.flowgate.runner.domain.node.NodeConfig;
import dev.flowgate.runner.domain.node.NodeExecutor;
import dev.flowgate.runner.domain.node.NodeFailedException;
import dev.flowgate.runner.domain.node.NodeResult;
import dev.flowgate.runner.domain.template.TemplateScope;
import dev.flowgate.runner.domain.template.Templates;
import dev.flowgate.runner.domain.template.ValuePath;

/**
 * Asks an OpenAI-compatible chat completions endpoint: {@code {text, model, usage:
 * {prompt_tokens, completion_tokens}}}, and {@code json}, the answer parsed, when the
 * node asks for JSON.
 */
final class LlmNode implements NodeExecutor {

	private static final String COMPLETIONS_PATH = "/v1/chat/completions";

	private static final ValuePath CONTENT = ValuePath.parse("response.choices.0.message.content");

	private final OutboundHttp http;

	private final Templates templates;

	private final JsonCodec json;

	private final LlmSettings settings;

	public LlmNode(OutboundHttp http, Templates templates, JsonCodec json, LlmSettings settings) {
		this.http = http;
		this.templates = templates;
		this.json = json;
		this.settings = settings;
	}

	@Override
	public NodeType type() {
		return NodeType.LLM;
	}

	@Override
	public CompletableFuture<NodeResult> execute(NodeCall call) {
		NodeConfig config = call.config();
		LlmResponseFormat format = LlmResponseFormat.of(config.raw(LlmResponseFormat.SETTING));
		String baseUrl = baseUrl(config, call.scope());
		String url = baseUrl + COMPLETIONS_PATH;
		boolean platform = this.settings.isPlatform(baseUrl);
		URI uri = platform ? this.http.configuredUri(url) : this.http.flowUri(url);
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "application/json");
		if (this.settings.sendsKeyTo(baseUrl)) {
			headers.put("Authorization", "Bearer " + this.settings.apiKey());
		}
		OutboundRequest request = new OutboundRequest("POST", uri, headers,
				this.json.writeBytes(requestBody(config, format, call.scope())));
		// The operator's own endpoint is trusted as it is; a flow's passes the guard.
		CompletableFuture<HttpReply> exchange = platform
				? this.http.send(request, this.http.maxResponseBytes(), call.cancellation())
				: this.http.sendGuarded(request, this.http.maxResponseBytes(), call.cancellation());
		return exchange.thenApply((reply) -> {
			if (!reply.isSuccess()) {
				throw reply.failure("the LLM at " + OutboundHttp.forDisplay(baseUrl));
			}
			return completion(this.json.readOrText(reply.text()), format, OutboundHttp.forDisplay(baseUrl));
		});
	}

	private String baseUrl(NodeConfig config, TemplateScope scope) {
		String template = config.text("baseUrl", this.settings.baseUrl());
		if (template == null || template.isBlank()) {
			throw NodeFailedException.permanent("no baseUrl: the node names none and the runner has no default");
		}
		return LlmSettings.canonical(UrlTemplates.render(this.templates, "baseUrl", template, scope));
	}

	private Map<String, Object> requestBody(NodeConfig config, LlmResponseFormat format, TemplateScope scope) {
		List<Map<String, String>> messages = new ArrayList<>();
		String system = config.text("system");
		if (system != null && !system.isBlank()) {
			messages.add(Map.of("role", "system", "content", this.templates.text(system, scope)));
		}
		messages.add(Map.of("role", "user", "content", this.templates.text(config.requiredText("prompt"), scope)));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("model", config.requiredText("model"));
		body.put("messages", messages);
		config.number("temperature").ifPresent((temperature) -> body.put("temperature", temperature));
		config.number("maxTokens").ifPresent((maxTokens) -> body.put("max_tokens", maxTokens.longValue()));
		format.addTo(body);
		return body;
	}

	/** A failed answer's tokens count too: they are paid for. */
	private NodeResult completion(Object response, LlmResponseFormat format, String server) {
		long promptTokens = count(response, "prompt_tokens");
		long completionTokens = count(response, "completion_tokens");
		TokenUsage used = new TokenUsage(promptTokens, completionTokens);
		if (!(CONTENT.resolveAfterRoot(response) instanceof String text)) {
			throw LlmFailures.noContent(response, server).withTokenUsage(used);
		}
		Map<String, Object> output = new LinkedHashMap<>();
		output.put("text", text);
		if (format.isJson()) {
			try {
				output.put("json", format.parse(text, this.json));
			}
			catch (NodeFailedException ex) {
				throw ex.withTokenUsage(used);
			}
		}
		output.put("model", ValuePath.parse("response.model").resolveAfterRoot(response));
		output.put("usage", Map.of("prompt_tokens", promptTokens, "completion_tokens", completionTokens));
		return new NodeResult(output, used);
	}

	private static long count(Object response, String field) {
		Object value = ValuePath.parse("response.usage." + field).resolveAfterRoot(response);
		return (value instanceof Number number) ? number.longValue() : 0;
	}

}
