package dev.flowgate.gateway.messaging;

import java.util.concurrent.CompletableFuture;

import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.Topics;
import dev.flowgate.gateway.domain.trigger.TriggerPublisher;
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
				.thenApply((sent) -> null);
		}
		catch (RuntimeException ex) {
			// send() throws when the topic's metadata cannot be fetched within
			// max.block.ms.
			logFailure(trigger, ex);
			return CompletableFuture.failedFuture(ex);
		}
	}

	private static void logFailure(ExecutionRequested trigger, Throwable failure) {
		if (failure != null) {
			log.warn("Trigger {} for deployment {} not acknowledged by Kafka: {}", trigger.executionId(),
					trigger.deploymentId(), failure.getMessage());
		}
	}

}
