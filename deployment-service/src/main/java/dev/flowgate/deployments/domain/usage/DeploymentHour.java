package dev.flowgate.deployments.domain.usage;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One deployment's executions created in one hour (UTC): what a summary covers. */
public record DeploymentHour(String ownerId, String deploymentId, Instant hour) {

	static final Duration LENGTH = Duration.ofHours(1);

	public static DeploymentHour of(String ownerId, String deploymentId, Instant createdAt) {
		return new DeploymentHour(ownerId, deploymentId, floor(createdAt));
	}

	/** The start of the hour {@code instant} falls in. */
	static Instant floor(Instant instant) {
		return instant.truncatedTo(ChronoUnit.HOURS);
	}

	/** The first hour that starts at or after {@code instant}. */
	static Instant ceil(Instant instant) {
		Instant floor = floor(instant);
		return floor.equals(instant) ? floor : floor.plus(LENGTH);
	}

	Instant end() {
		return this.hour.plus(LENGTH);
	}

}
