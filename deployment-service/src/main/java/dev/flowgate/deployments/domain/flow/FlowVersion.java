package dev.flowgate.deployments.domain.flow;

import java.time.Instant;

import dev.flowgate.contracts.FlowDefinition;

/** One immutable version of a flow. */
public record FlowVersion(String flowId, String ownerId, int version, String name, String description,
		FlowDefinition definition, Instant createdAt) {

	/**
	 * The definition's size as JSON, what budgets count: walks the whole definition, so
	 * it is kept with the version once computed.
	 */
	public long definitionBytes() {
		return FlowSize.bytes(this.definition);
	}

}
