package dev.flowgate.deployments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A clock whose every reading is a step after the one before, starting now: whatever
 * happens between two readings stalled that long.
 */
public final class StallingClock extends Clock {

	private final Instant start = Instant.now();

	private final Duration step;

	private final AtomicInteger readings = new AtomicInteger();

	public StallingClock(Duration step) {
		this.step = step;
	}

	@Override
	public Instant instant() {
		return this.start.plus(this.step.multipliedBy(this.readings.getAndIncrement()));
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
