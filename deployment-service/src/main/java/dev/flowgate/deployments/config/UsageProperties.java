package dev.flowgate.deployments.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How usage is summed by hour.
 *
 * @param summaryInterval how often the hours that ended, and those written to since, are
 * summed
 * @param summaryClaim how long one run may take before another replica may start one
 * @param lateWriteMargin how much earlier than a run's start an execution write may carry
 * its time (replica clocks, a write in flight)
 */
@ConfigurationProperties("flowgate.usage")
public record UsageProperties(@DefaultValue("5m") Duration summaryInterval, @DefaultValue("10m") Duration summaryClaim,
		@DefaultValue("10m") Duration lateWriteMargin) {

	public UsageProperties {
		Intervals.requirePositive(summaryInterval, "flowgate.usage.summary-interval");
	}

}
