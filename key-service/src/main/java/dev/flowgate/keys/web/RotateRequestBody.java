package dev.flowgate.keys.web;

import java.time.Duration;

/**
 * The optional body of a rotation; an absent grace period is left to the service to
 * choose.
 */
record RotateRequestBody(Long gracePeriodSeconds) {

	static final RotateRequestBody NONE = new RotateRequestBody(null);

	/** The grace period asked for, or {@code null} when none is. */
	Duration gracePeriod() {
		return (this.gracePeriodSeconds != null) ? Duration.ofSeconds(this.gracePeriodSeconds) : null;
	}

}
