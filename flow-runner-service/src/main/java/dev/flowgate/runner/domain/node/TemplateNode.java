package dev.flowgate.runner.domain.node;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.flowgate.flowrules.NodeType;
import dev.flowgate.runner.domain.template.Templates;

/** Renders its template to {@code {text}}. */
public final class TemplateNode implements NodeExecutor {

	private final Templates templates;

	public TemplateNode(Templates templates) {
		this.templates = templates;
	}

	@Override
	public NodeType type() {
		return NodeType.TEMPLATE;
	}

	@Override
	public CompletableFuture<NodeResult> execute(NodeCall call) {
		String text = this.templates.text(call.config().requiredText("template"), call.scope());
		return CompletableFuture.completedFuture(NodeResult.of(Map.of("text", text)));
	}

	@Override
	public boolean isImmediate() {
		return true;
	}

}
