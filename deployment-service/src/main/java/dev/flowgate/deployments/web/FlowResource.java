package dev.flowgate.deployments.web;

import java.time.Instant;
import java.util.List;

import dev.flowgate.contracts.FlowEdge;
import dev.flowgate.contracts.FlowNode;
import dev.flowgate.deployments.domain.ResultPage;
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

	/** A page of the flow list; {@code nextCursor} is {@code null} on the last page. */
	record Page(List<Summary> items, String nextCursor) {

		static Page of(ResultPage<Flow> page) {
			return new Page(page.items().stream().map(Summary::of).toList(), page.nextCursor());
		}

	}

	/** A line of a flow's version list: what changed when, without the graph. */
	record VersionSummary(int version, String name, String description, int nodeCount, Instant createdAt) {

		static VersionSummary of(FlowVersionSummary version) {
			return new VersionSummary(version.version(), version.name(), version.description(), version.nodeCount(),
					version.createdAt());
		}

	}

	/**
	 * A page of a flow's versions, newest first; {@code nextCursor} is {@code null} on
	 * the last page.
	 */
	record Versions(List<VersionSummary> items, String nextCursor) {

		static Versions of(ResultPage<FlowVersionSummary> page) {
			return new Versions(page.items().stream().map(VersionSummary::of).toList(), page.nextCursor());
		}

	}

}
