package dev.flowgate.deployments.persistence;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import dev.flowgate.deployments.config.ExecutionProperties;
import dev.flowgate.deployments.domain.execution.ExecutionRetention;
import dev.flowgate.deployments.domain.idempotency.IdempotentRequests;
import dev.flowgate.deployments.domain.usage.UsageService;

/**
 * Applies the execution retention on a schedule, because not every MongoDB honours the
 * TTL index ({@link MongoIndexes}), drops the refused-call counts and hourly summaries no
 * usage window reaches, and the idempotency records past their keeping time (a TTL index
 * too).
 */
@Component
class RetentionSweeper implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(RetentionSweeper.class);

	private final ExecutionRetention retention;

	private final UsageService usage;

	private final IdempotentRequests idempotency;

	private final Duration interval;

	RetentionSweeper(ExecutionRetention retention, UsageService usage, IdempotentRequests idempotency,
			ExecutionProperties properties) {
		this.retention = retention;
		this.usage = usage;
		this.idempotency = idempotency;
		this.interval = properties.sweepInterval();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(this::sweep, this.interval);
	}

	void sweep() {
		long removed = this.retention.sweep();
		if (removed > 0) {
			log.info("Removed {} execution record(s) past their retention", removed);
		}
		long counts = this.usage.sweep();
		if (counts > 0) {
			log.info("Removed {} refused-call count(s) and hourly usage summaries older than the longest usage window",
					counts);
		}
		long keys = this.idempotency.sweep();
		if (keys > 0) {
			log.info("Removed {} idempotency record(s) past their keeping time", keys);
		}
	}

}
