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

	/**
	 * The start of the oldest bucket a series over {@code window} back from {@code now}
	 * may show: buckets align to UTC, so a daily one starts up to a day before the
	 * window. Usage is kept from there.
	 */
	static Instant oldestShown(Instant now, Duration window) {
		return DAY.floor(now.minus(window));
	}

	/** Whether each of its buckets is made of whole hours (a summary fits in one). */
	boolean wholeHours() {
		return this.length.toMillis() % DeploymentHour.LENGTH.toMillis() == 0;
	}

}
