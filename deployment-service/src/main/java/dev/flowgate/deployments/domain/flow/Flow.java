package dev.flowgate.deployments.domain.flow;

import java.time.Instant;

/** A flow's identity and its latest version number; versions hold the graphs. */
public record Flow(String id, String ownerId, String name, int latestVersion, Instant createdAt, Instant updatedAt) {
}
