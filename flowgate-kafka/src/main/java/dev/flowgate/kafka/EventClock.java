package dev.flowgate.kafka;

import java.time.Clock;
import java.time.Duration;

/** The clock of every service. */
public final class EventClock {

	private EventClock() {
	}

	/**
	 * UTC in milliseconds, as the events carry times on and MongoDB keeps them: a time
	 * answered when written (a trigger's {@code created_at}, a trace's start) reads the
	 * same when read back.
	 */
	public static Clock systemUtc() {
		return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
	}

}
