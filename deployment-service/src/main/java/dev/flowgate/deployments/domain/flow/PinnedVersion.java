package dev.flowgate.deployments.domain.flow;

/** A flow version a deployment serves. */
public record PinnedVersion(String flowId, int version) {
}
