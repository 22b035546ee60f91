package dev.flowgate.deployments.domain.flow;

import java.time.Instant;

/** A line of a flow's version list: what changed when, without the graph. */
public record FlowVersionSummary(int version, String name, String description, int nodeCount, Instant createdAt) {

	public static FlowVersionSummary of(FlowVersion version) {
		return new FlowVersionSummary(version.version(), version.name(), version.description(),
				version.definition().nodes().size(), version.createdAt());
	}

}
