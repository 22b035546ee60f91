package dev.flowgate.deployments.config;

import java.time.Duration;

/**
 * Checks the schedules' intervals at start: a scheduler refuses a pause of zero or less,
 * and would say so without naming the property.
 */
final class Intervals {

	private Intervals() {
	}

	static void requirePositive(Duration interval, String property) {
		if (interval == null || interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException(property + " must be a duration longer than zero, not " + interval);
		}
	}

}
