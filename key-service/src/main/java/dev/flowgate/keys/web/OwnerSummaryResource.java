package dev.flowgate.keys.web;

import java.time.Instant;

import dev.flowgate.keys.domain.owner.OwnerSummary;

/** An owner as the admin lists and reads it. */
record OwnerSummaryResource(String id, String name, Instant createdAt, long activeKeys) {

	static OwnerSummaryResource of(OwnerSummary summary) {
		return new OwnerSummaryResource(summary.owner().id(), summary.owner().name(), summary.owner().createdAt(),
				summary.activeKeys());
	}

}
