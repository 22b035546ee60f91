package dev.flowgate.gateway.messaging;

import java.util.List;

import dev.flowgate.contracts.RateLimitRequestsCounted.Counted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The meter of rate limit counts shared between replicas ({@value #METER}): requests this
 * replica told the others about ({@code sent}) and those it was told ({@code received}).
 */
final class RateLimitSharing {

	static final String METER = "flowgate.gateway.rate.limit.requests.shared";

	private RateLimitSharing() {
	}

	static Counter counter(MeterRegistry meters, String direction) {
		return Counter.builder(METER)
			.description("Requests counted against rate limits, shared between gateway replicas")
			.tag("direction", direction)
			.register(meters);
	}

	static int requests(List<Counted> counted) {
		return counted.stream().mapToInt(Counted::requests).sum();
	}

}
