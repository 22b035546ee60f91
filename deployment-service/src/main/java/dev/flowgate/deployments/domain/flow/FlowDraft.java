package dev.flowgate.deployments.domain.flow;

import dev.flowgate.contracts.FlowDefinition;

/** What a caller writes to create a flow or its next version. */
public record FlowDraft(String name, String description, FlowDefinition definition) {

	public FlowDraft {
		definition = (definition != null) ? definition : new FlowDefinition(null, null);
	}

}
