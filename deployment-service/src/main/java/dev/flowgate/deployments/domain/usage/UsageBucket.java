package dev.flowgate.deployments.domain.usage;

import java.time.Duration;
import java.time.Instant;

/** The periods a usage series is split into, aligned to UTC. */
public enum UsageBucket {

	FIVE_MINUTES("5m", Duration.ofMinutes(5)), HOUR("1h", Duration.ofHours(1)), DAY("1d", Duration.ofDays(1));

	private final String token;

	private final Duration length;

	UsageBucket(String token, Duration length) {
		this.token = token;
		this.length = length;
	}

	public String token() {
		return this.token;
	}

	Duration length() {
		return this.length;
	}

	/** The start of the bucket {@code instant} falls in. */
	Instant floor(Instant instant) {
		long millis = this.length.toMillis();
		return Instant.ofEpochMilli(Math.floorDiv(instant.toEpochMilli(), millis) * millis);
	}

	/** Whether each of its buckets is made of whole hours (a summary fits in one). */
	boolean wholeHours() {
		return this.length.toMillis() % DeploymentHour.LENGTH.toMillis() == 0;
	}

}
