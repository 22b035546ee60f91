package dev.flowgate.contracts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One node of a flow.
 *
 * @param type one of {@code input}, {@code output}, {@code template}, {@code llm},
 * {@code http}, {@code transform}, {@code condition}, {@code file}
 * @param config the node type's settings
 */
// Editors keep their own members beside id and type (a position, a style): ignored.
@JsonIgnoreProperties(ignoreUnknown = true)
public record FlowNode(String id, String type, Map<String, Object> config) {

	public FlowNode {
		// Runners share a deployment's nodes across concurrent executions. A config may
		// hold JSON nulls, which Map.copyOf would reject.
		config = (config != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(config)) : Map.of();
	}

}
