package dev.flowgate.delivery.config;

import dev.flowgate.delivery.domain.delivery.DeliveryDispatcher;
import dev.flowgate.delivery.domain.delivery.FailureReporter;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The schedule lives in MongoDB; this polls it. Any instance may claim what is due,
 * including what a stopped instance left behind.
 */
@Component
class DeliveryPolling {

	private final DeliveryDispatcher dispatcher;

	private final FailureReporter failures;

	DeliveryPolling(DeliveryDispatcher dispatcher, FailureReporter failures) {
		this.dispatcher = dispatcher;
		this.failures = failures;
	}

	@Scheduled(fixedDelayString = "${flowgate.delivery.dispatch.poll-interval}")
	void claimDue() {
		this.dispatcher.pollDue();
	}

	@Scheduled(fixedDelayString = "${flowgate.delivery.dispatch.failure-republish-interval}")
	void republishFailures() {
		this.failures.republishPending();
	}

}
