package dev.flowgate.gateway.messaging;

import java.util.concurrent.CompletableFuture;

import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.Topics;
import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.gateway.domain.trigger.TriggerPublisher;
import dev.flowgate.kafka.SendFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes triggers keyed by execution id. The producer settings (acks=all, idempotent,
 * linger 0, short delivery and blocking timeouts) are in {@code application.yml}.
 */
@Component
class KafkaTriggerPublisher implements TriggerPublisher {

	private static final Logger log = LoggerFactory.getLogger(KafkaTriggerPublisher.class);

	private final KafkaTemplate<String, FlowgateEvent> template;

	KafkaTriggerPublisher(KafkaTemplate<String, FlowgateEvent> template) {
		this.template = template;
	}

	@Override
	public CompletableFuture<Void> publish(ExecutionRequested trigger) {
		try {
			return this.template.send(Topics.EXECUTIONS_REQUESTED.name(), trigger.executionId(), trigger)
				.whenComplete((sent, failure) -> logFailure(trigger, failure))
				.<Void>thenApply((sent) -> null)
				.exceptionallyCompose((failure) -> CompletableFuture.failedFuture(tooLargeOr(failure)));
		}
		catch (RuntimeException ex) {
			// send() throws when the topic's metadata cannot be fetched within
			// max.block.ms.
			logFailure(trigger, ex);
			return CompletableFuture.failedFuture(tooLargeOr(ex));
		}
	}

	/**
	 * A trigger larger than Kafka takes is refused for its size: sent again, it fails
	 * again.
	 */
	private static Throwable tooLargeOr(Throwable failure) {
		return SendFailures.tooLarge(failure)
			.<Throwable>map((refusal) -> Rejection.of(Rejection.Reason.PAYLOAD_TOO_LARGE,
					"The trigger is larger than Kafka takes: " + refusal.getMessage()))
			.orElse(failure);
	}

	private static void logFailure(ExecutionRequested trigger, Throwable failure) {
		if (failure != null) {
			log.warn("Trigger {} for deployment {} not acknowledged by Kafka: {}", trigger.executionId(),
					trigger.deploymentId(), failure.getMessage());
		}
	}

}
