package dev.flowgate.deployments.domain.flow;

/**
 * One reason a flow is invalid.
 *
 * @param nodeId the node concerned, or {@code null} when the problem is the flow's
 */
public record FlowProblem(String nodeId, String message) {
}
