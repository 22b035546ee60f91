package dev.flowgate.deployments.domain.flow;

import java.time.Instant;

import dev.flowgate.contracts.FlowDefinition;

/** One immutable version of a flow. */
public record FlowVersion(String flowId, String ownerId, int version, String name, String description,
		FlowDefinition definition, Instant createdAt) {
}
