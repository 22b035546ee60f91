package dev.flowgate.deployments.persistence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.flowgate.deployments.domain.execution.ExecutionRetention;

/**
 * Applies the execution retention on a schedule, because not every MongoDB honours the
 * TTL index ({@link MongoIndexes}).
 */
@Component
class RetentionSweeper {

	private static final Logger log = LoggerFactory.getLogger(RetentionSweeper.class);

	private final ExecutionRetention retention;

	RetentionSweeper(ExecutionRetention retention) {
		this.retention = retention;
	}

	@Scheduled(fixedDelayString = "${flowgate.executions.sweep-interval:1h}")
	void sweep() {
		long removed = this.retention.sweep();
		if (removed > 0) {
			log.info("Removed {} execution record(s) past their retention", removed);
		}
	}

}
