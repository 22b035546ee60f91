package dev.flowgate.delivery.messaging;

import java.util.List;

import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.delivery.domain.delivery.DeliveryIntake;
import dev.flowgate.store.StoreOutages;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Schedules the deliveries of each poll's results, stored in one write. The offsets are
 * committed after they are stored, so a crash before that redelivers the results, which
 * then add nothing. A record that is not a result (undecodable, or another event) fails
 * alone: the results before it are stored, it goes to the dead-letter topic, and the ones
 * after it come again. When storing itself fails, the poll is tried again
 * ({@link StoreOutages#storePoll}).
 */
@Component
class ExecutionCompletedListener {

	private final DeliveryIntake intake;

	ExecutionCompletedListener(DeliveryIntake intake) {
		this.intake = intake;
	}

	@KafkaListener(id = "delivery-service-results", groupId = "${flowgate.delivery.consumer-group}",
			topics = "#{T(dev.flowgate.contracts.Topics).EXECUTIONS_COMPLETED.name()}", batch = "true")
	void on(List<ConsumerRecord<String, FlowgateEvent>> records) {
		StoreOutages.storePoll("the poll's deliveries", records, ExecutionCompleted.class, this.intake::acceptAll);
	}

}
