package dev.flowgate.gateway.config;

import dev.flowgate.gateway.domain.trigger.InFlightExecutions;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Forgets in-flight executions whose result never arrived, so memory stays bounded. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class Housekeeping {

	private final InFlightExecutions inFlight;

	Housekeeping(InFlightExecutions inFlight) {
		this.inFlight = inFlight;
	}

	@Scheduled(fixedDelayString = "${flowgate.gateway.housekeeping-interval:30s}")
	void expireInFlight() {
		this.inFlight.expire();
	}

}
