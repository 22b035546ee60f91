package dev.flowgate.deployments.web;

import java.time.Instant;
import java.util.List;

import dev.flowgate.contracts.FlowEdge;
import dev.flowgate.contracts.FlowNode;
import dev.flowgate.deployments.domain.flow.Flow;
import dev.flowgate.deployments.domain.flow.FlowVersion;
import dev.flowgate.deployments.domain.flow.FlowVersionSummary;

/** One version of a flow, with its graph. */
record FlowResource(String id, String name, String description, int version, List<FlowNode> nodes, List<FlowEdge> edges,
		Instant createdAt) {

	static FlowResource of(FlowVersion version) {
		return new FlowResource(version.flowId(), version.name(), version.description(), version.version(),
				version.definition().nodes(), version.definition().edges(), version.createdAt());
	}

	/** A line of the flow list. */
	record Summary(String id, String name, int latestVersion, Instant createdAt, Instant updatedAt) {

		static Summary of(Flow flow) {
			return new Summary(flow.id(), flow.name(), flow.latestVersion(), flow.createdAt(), flow.updatedAt());
		}

	}

	/** The flow list. */
	record Page(List<Summary> items) {

	}

	/** A line of a flow's version list: what changed when, without the graph. */
	record VersionSummary(int version, String name, String description, int nodeCount, Instant createdAt) {

		static VersionSummary of(FlowVersionSummary version) {
			return new VersionSummary(version.version(), version.name(), version.description(), version.nodeCount(),
					version.createdAt());
		}

	}

	/** A flow's versions, newest first. */
	record Versions(List<VersionSummary> items) {

	}

}
