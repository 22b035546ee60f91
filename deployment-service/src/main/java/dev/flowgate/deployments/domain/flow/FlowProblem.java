package dev.flowgate.deployments.domain.flow;

/**
 * One reason a flow is invalid.
 *
 * @param nodeId the node concerned, or {@code null} when the problem is the flow's
 * @param field the member of the flow's body at fault as a JSON path ({@code name},
 * {@code nodes[2].id}), or {@code null} when no one member is
 * @param message what is wrong; with a {@code field}, what is wrong with it, without its
 * name ({@code is required}), as in the 400's {@code errors}
 */
public record FlowProblem(String nodeId, String field, String message) {

	/** A problem of a node, or of the flow as a whole when {@code nodeId} is null. */
	public FlowProblem(String nodeId, String message) {
		this(nodeId, null, message);
	}

	/** A problem of one of the flow's own members, no node's. */
	public static FlowProblem ofField(String field, String message) {
		return new FlowProblem(null, field, message);
	}

}
