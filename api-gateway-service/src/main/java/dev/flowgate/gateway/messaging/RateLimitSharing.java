package dev.flowgate.gateway.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The meter of rate limit counts shared between replicas ({@value #METER}): requests this
 * replica told the others about ({@code sent}) and those it was told ({@code received}).
 */
public final class RateLimitSharing {

	static final String METER = "flowgate.gateway.rate.limit.requests.shared";

	private RateLimitSharing() {
	}

	/**
	 * @param direction {@code sent} or {@code received}
	 */
	public static Counter counter(MeterRegistry meters, String direction) {
		return Counter.builder(METER)
			.description("Requests counted against rate limits, shared between gateway replicas")
			.tag("direction", direction)
			.register(meters);
	}

}
