package dev.flowgate.gateway.config;

import dev.flowgate.gateway.domain.limit.ManagementLimits;
import dev.flowgate.gateway.domain.limit.RateLimits;
import dev.flowgate.gateway.domain.trigger.InFlightElsewhere;
import dev.flowgate.gateway.domain.trigger.InFlightExecutions;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Forgets in-flight executions whose result never arrived, other replicas' counts that
 * stopped arriving and rate limit buckets that have refilled, so memory stays bounded.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class Housekeeping {

	private final InFlightExecutions inFlight;

	private final InFlightElsewhere elsewhere;

	private final RateLimits limits;

	private final ManagementLimits managementLimits;

	Housekeeping(InFlightExecutions inFlight, InFlightElsewhere elsewhere, RateLimits limits,
			ManagementLimits managementLimits) {
		this.inFlight = inFlight;
		this.elsewhere = elsewhere;
		this.limits = limits;
		this.managementLimits = managementLimits;
	}

	@Scheduled(fixedDelayString = "${flowgate.gateway.housekeeping-interval:30s}")
	void expireInFlight() {
		this.inFlight.expire();
		this.elsewhere.forgetStale();
	}

	@Scheduled(fixedDelayString = "${flowgate.gateway.housekeeping-interval:30s}")
	void forgetIdleRateLimits() {
		this.limits.forgetIdle();
		this.managementLimits.forgetIdle();
	}

}
