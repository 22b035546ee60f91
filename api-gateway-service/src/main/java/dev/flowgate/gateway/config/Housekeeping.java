package dev.flowgate.gateway.config;

import java.time.Duration;

import dev.flowgate.gateway.domain.limit.ManagementLimits;
import dev.flowgate.gateway.domain.limit.RateLimits;
import dev.flowgate.gateway.domain.trigger.InFlightElsewhere;
import dev.flowgate.gateway.domain.trigger.InFlightExecutions;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Forgets in-flight executions whose result never arrived, other replicas' counts that
 * stopped arriving and rate limit buckets that have refilled, so memory stays bounded.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class Housekeeping implements SchedulingConfigurer {

	private final InFlightExecutions inFlight;

	private final InFlightElsewhere elsewhere;

	private final RateLimits limits;

	private final ManagementLimits managementLimits;

	private final Duration interval;

	Housekeeping(InFlightExecutions inFlight, InFlightElsewhere elsewhere, RateLimits limits,
			ManagementLimits managementLimits, GatewayProperties properties) {
		this.inFlight = inFlight;
		this.elsewhere = elsewhere;
		this.limits = limits;
		this.managementLimits = managementLimits;
		this.interval = properties.housekeepingInterval();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(this::expireInFlight, this.interval);
		tasks.addFixedDelayTask(this::forgetIdleRateLimits, this.interval);
	}

	void expireInFlight() {
		this.inFlight.expire();
		this.elsewhere.forgetStale();
	}

	void forgetIdleRateLimits() {
		this.limits.forgetIdle();
		this.managementLimits.forgetIdle();
	}

}
