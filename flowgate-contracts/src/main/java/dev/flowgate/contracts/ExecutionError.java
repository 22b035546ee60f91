package dev.flowgate.contracts;

/**
 * Why an execution failed.
 *
 * @param nodeId the failing node, or {@code null} when the failure is not a node's
 * @param code a stable machine-readable reason, e.g. {@code node_failed},
 * {@code timeout}, {@code invalid_trigger}
 */
public record ExecutionError(String nodeId, String code, String message) {
}
