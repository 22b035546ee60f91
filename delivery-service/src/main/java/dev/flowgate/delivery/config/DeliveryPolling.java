package dev.flowgate.delivery.config;

import java.time.Duration;

import dev.flowgate.delivery.domain.delivery.DeliveryDispatcher;
import dev.flowgate.delivery.domain.delivery.DeliveryRetention;
import dev.flowgate.delivery.domain.delivery.FailureReporter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The schedule lives in MongoDB; this polls it. Any instance may claim what is due,
 * including what a stopped instance left behind. Past deliveries are swept here too.
 */
@Component
class DeliveryPolling implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(DeliveryPolling.class);

	private final DeliveryDispatcher dispatcher;

	private final FailureReporter failures;

	private final DeliveryRetention retention;

	private final Duration pollInterval;

	private final Duration failureRepublishInterval;

	private final Duration sweepInterval;

	DeliveryPolling(DeliveryDispatcher dispatcher, FailureReporter failures, DeliveryRetention retention,
			DeliveryProperties properties) {
		this.dispatcher = dispatcher;
		this.failures = failures;
		this.retention = retention;
		this.pollInterval = properties.dispatch().pollInterval();
		this.failureRepublishInterval = properties.dispatch().failureRepublishInterval();
		this.sweepInterval = properties.retention().sweepInterval();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(this::claimDue, this.pollInterval);
		tasks.addFixedDelayTask(this::republishFailures, this.failureRepublishInterval);
		tasks.addFixedDelayTask(this::forgetPastDeliveries, this.sweepInterval);
	}

	void claimDue() {
		this.dispatcher.pollDue();
	}

	void republishFailures() {
		this.failures.republishPending();
	}

	void forgetPastDeliveries() {
		DeliveryRetention.Swept swept = this.retention.sweep();
		if (!swept.isEmpty()) {
			logger.info("Removed {} delivery record(s) past their retention, with their attempts", swept.deliveries());
		}
	}

}
