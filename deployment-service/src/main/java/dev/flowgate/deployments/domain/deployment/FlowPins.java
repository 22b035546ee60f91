package dev.flowgate.deployments.domain.deployment;

import java.util.List;
import java.util.Optional;

import dev.flowgate.deployments.domain.InvalidRequestException.FieldProblem;
import dev.flowgate.deployments.domain.NotFoundException;
import dev.flowgate.deployments.domain.flow.FlowService;
import dev.flowgate.deployments.domain.flow.FlowVersion;

/**
 * Finds the flow version a deployment pins, reporting a missing flow or version as a
 * problem of the request's field beside the request's other problems.
 */
final class FlowPins {

	private static final String NO_SUCH_FLOW = "names no flow of yours: ";

	private final FlowService flows;

	FlowPins(FlowService flows) {
		this.flows = flows;
	}

	/** The flow's {@code version}, or its latest when {@code null}. */
	Optional<FlowVersion> resolve(String ownerId, String flowId, Integer version, List<FieldProblem> problems) {
		if (flowId == null || flowId.isBlank()) {
			problems.add(new FieldProblem("flowId", "is required"));
			return Optional.empty();
		}
		FlowVersion latest;
		try {
			latest = this.flows.latest(ownerId, flowId);
		}
		catch (NotFoundException ex) {
			problems.add(new FieldProblem("flowId", noSuchFlow(flowId)));
			return Optional.empty();
		}
		if (version == null || version == latest.version()) {
			return Optional.of(latest);
		}
		try {
			return Optional.of(this.flows.version(ownerId, flowId, version));
		}
		catch (NotFoundException ex) {
			problems.add(new FieldProblem("flowVersion", "names no version of flow '%s'".formatted(flowId)));
			return Optional.empty();
		}
	}

	/** Whether the flow still exists, once a deployment of it is stored. */
	void requireExists(String ownerId, String flowId) {
		this.flows.requireExists(ownerId, flowId);
	}

	static String noSuchFlow(String flowId) {
		return NO_SUCH_FLOW + flowId;
	}

}
