package dev.flowgate.contracts;

import java.util.Map;

/**
 * One node of a flow.
 *
 * @param type one of {@code input}, {@code output}, {@code template}, {@code llm},
 * {@code http}, {@code transform}, {@code condition}, {@code file}
 * @param config the node type's settings
 */
public record FlowNode(String id, String type, Map<String, Object> config) {

	public FlowNode {
		config = (config != null) ? config : Map.of();
	}

}
