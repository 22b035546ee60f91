package dev.flowgate.delivery.messaging;

import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.delivery.domain.delivery.DeliveryIntake;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Schedules the deliveries of each result. The offset is committed after they are stored,
 * so a crash before that redelivers the result, which then adds nothing.
 */
@Component
class ExecutionCompletedListener {

	private final DeliveryIntake intake;

	ExecutionCompletedListener(DeliveryIntake intake) {
		this.intake = intake;
	}

	@KafkaListener(id = "delivery-service-results", groupId = "${flowgate.delivery.consumer-group}",
			topics = "#{T(dev.flowgate.contracts.Topics).EXECUTIONS_COMPLETED.name()}")
	void on(ExecutionCompleted result) {
		this.intake.accept(result);
	}

}
