package dev.flowgate.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A directed edge.
 *
 * @param branch for edges leaving a condition node, {@code "true"} or {@code "false"};
 * otherwise {@code null}
 */
// Editors keep their own members beside from and to (a label, a style): ignored.
@JsonIgnoreProperties(ignoreUnknown = true)
public record FlowEdge(String from, String to, String branch) {
}
