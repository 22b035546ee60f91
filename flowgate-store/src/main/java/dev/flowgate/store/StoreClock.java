package dev.flowgate.store;

import java.time.Clock;
import java.time.Duration;

/** The clock of a service that keeps its times in MongoDB. */
public final class StoreClock {

	private StoreClock() {
	}

	/**
	 * UTC in milliseconds, as MongoDB keeps times: a resource answered when written reads
	 * the same when read back.
	 */
	public static Clock systemUtc() {
		return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
	}

}
