package dev.flowgate.runner.domain.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.flowgate.flowrules.ReferencePath;

/**
 * What a node can refer to: the trigger's inputs (as {@code input}) and the outputs of
 * the nodes upstream of it, by node id.
 */
public record TemplateScope(Map<String, Object> inputs, Map<String, Object> nodeOutputs) {

	public TemplateScope {
		inputs = nullSafe(inputs);
		nodeOutputs = nullSafe(nodeOutputs);
	}

	/**
	 * The value a reference such as {@code input.city} or {@code lookup.body.items.0}
	 * names.
	 */
	public Object resolve(String reference) {
		ValuePath path = ValuePath.parse(reference);
		String root = path.root();
		Object base = ReferencePath.INPUT_ROOT.equals(root) ? this.inputs : this.nodeOutputs.get(root);
		return path.resolveAfterRoot(base);
	}

	/** The scope as one JSON object, the data a JSONata expression is evaluated over. */
	public Map<String, Object> asData() {
		Map<String, Object> data = new LinkedHashMap<>(this.nodeOutputs);
		data.put(ReferencePath.INPUT_ROOT, this.inputs);
		return data;
	}

	private static Map<String, Object> nullSafe(Map<String, Object> values) {
		if (values == null) {
			return Map.of();
		}
		// Map.copyOf rejects null values, which JSON inputs and outputs may well contain.
		return Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

}
