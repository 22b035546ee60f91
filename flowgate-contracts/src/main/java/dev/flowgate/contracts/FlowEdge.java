package dev.flowgate.contracts;

/**
 * A directed edge.
 *
 * @param branch for edges leaving a condition node, {@code "true"} or {@code "false"};
 * otherwise {@code null}
 */
public record FlowEdge(String from, String to, String branch) {
}
