package dev.flowgate.runner.domain.node.http;

import java.util.List;

import dev.flowgate.runner.domain.json.JsonCodec;
import dev.flowgate.runner.domain.node.ConditionNode;
import dev.flowgate.runner.domain.node.InputNode;
import dev.flowgate.runner.domain.node.JsonataExpressions;
import dev.flowgate.runner.domain.node.NodeExecutors;
import dev.flowgate.runner.domain.node.OutputNode;
import dev.flowgate.runner.domain.node.TemplateNode;
import dev.flowgate.runner.domain.node.TransformNode;
import dev.flowgate.runner.domain.template.Templates;

/** Every node type a flow may use (see {@code docs/flows.md}). */
public final class StandardNodes {

	private StandardNodes() {
	}

	public static NodeExecutors create(Templates templates, JsonataExpressions expressions, OutboundHttp http,
			LlmSettings llm) {
		JsonCodec json = templates.json();
		return new NodeExecutors(List.of(new InputNode(), new TemplateNode(templates), new OutputNode(templates),
				new TransformNode(expressions), new ConditionNode(expressions), new HttpNode(http, templates, json),
				new FileNode(http, templates), new LlmNode(http, templates, json, llm)));
	}

}
