package dev.flowgate.delivery.config;

import dev.flowgate.delivery.domain.delivery.DeliveryDispatcher;
import dev.flowgate.delivery.domain.delivery.DeliveryRetention;
import dev.flowgate.delivery.domain.delivery.FailureReporter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The schedule lives in MongoDB; this polls it. Any instance may claim what is due,
 * including what a stopped instance left behind. Past deliveries are swept here too.
 */
@Component
class DeliveryPolling {

	private static final Logger logger = LoggerFactory.getLogger(DeliveryPolling.class);

	private final DeliveryDispatcher dispatcher;

	private final FailureReporter failures;

	private final DeliveryRetention retention;

	DeliveryPolling(DeliveryDispatcher dispatcher, FailureReporter failures, DeliveryRetention retention) {
		this.dispatcher = dispatcher;
		this.failures = failures;
		this.retention = retention;
	}

	@Scheduled(fixedDelayString = "${flowgate.delivery.dispatch.poll-interval}")
	void claimDue() {
		this.dispatcher.pollDue();
	}

	@Scheduled(fixedDelayString = "${flowgate.delivery.dispatch.failure-republish-interval}")
	void republishFailures() {
		this.failures.republishPending();
	}

	@Scheduled(fixedDelayString = "${flowgate.delivery.retention.sweep-interval}")
	void forgetPastDeliveries() {
		DeliveryRetention.Swept swept = this.retention.sweep();
		if (!swept.isEmpty()) {
			logger.info("Removed {} delivery record(s) past their retention, with their attempts", swept.deliveries());
		}
	}

}
