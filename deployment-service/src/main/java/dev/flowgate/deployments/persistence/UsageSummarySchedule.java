package dev.flowgate.deployments.persistence;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import dev.flowgate.deployments.config.UsageProperties;
import dev.flowgate.deployments.domain.usage.UsageSummaries;

/**
 * Sums usage by hour on a schedule, the first run right at start, and says on
 * {@code /actuator/prometheus} how the runs go and how far behind the summaries are.
 */
@Component
class UsageSummarySchedule implements SchedulingConfigurer {

	static final String RUNS = "flowgate.usage.summary.runs";

	static final String BEHIND = "flowgate.usage.summary.behind";

	private final UsageSummaries summaries;

	private final MeterRegistry meters;

	private final Clock clock;

	private final Duration interval;

	UsageSummarySchedule(UsageSummaries summaries, MeterRegistry meters, Clock clock, UsageProperties properties) {
		this.summaries = summaries;
		this.meters = meters;
		this.clock = clock;
		this.interval = properties.summaryInterval();
		Gauge.builder(BEHIND, this, UsageSummarySchedule::secondsBehind)
			.description(
					"Time since the end of the last hour summed (under an hour plus the interval when all is well)")
			.baseUnit("seconds")
			.register(meters);
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(this::sum, this.interval);
	}

	void sum() {
		Timer.Sample sample = Timer.start(this.meters);
		String outcome = "failed";
		try {
			outcome = this.summaries.run() ? "ran" : "skipped";
		}
		finally {
			sample.stop(Timer.builder(RUNS)
				.description("Summary runs by outcome: ran, skipped (another replica holds the claim), failed")
				.tag("outcome", outcome)
				.register(this.meters));
		}
	}

	/** NaN before the first hour was summed, or while MongoDB cannot say. */
	private double secondsBehind() {
		try {
			return this.summaries.summedUpTo()
				.map((summedUpTo) -> Duration.between(summedUpTo, this.clock.instant()).toMillis() / 1000.0)
				.orElse(Double.NaN);
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

}
