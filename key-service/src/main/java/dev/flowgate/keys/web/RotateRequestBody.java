package dev.flowgate.keys.web;

import java.time.Duration;

/**
 * The optional body of a rotation; without a grace period the old secret stops at once.
 */
record RotateRequestBody(Long gracePeriodSeconds) {

	static final RotateRequestBody NONE = new RotateRequestBody(null);

	Duration gracePeriod() {
		return (this.gracePeriodSeconds != null) ? Duration.ofSeconds(this.gracePeriodSeconds) : Duration.ZERO;
	}

}
