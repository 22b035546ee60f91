package dev.flowgate.delivery.messaging;

import java.util.List;

import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.delivery.domain.delivery.DeliveryIntake;
import dev.flowgate.store.StoreOutages;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
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
		for (int i = 0; i < records.size(); i++) {
			if (!(records.get(i).value() instanceof ExecutionCompleted)) {
				store(records.subList(0, i));
				throw new BatchListenerFailedException("Not an execution result", records.get(i));
			}
		}
		store(records);
	}

	private void store(List<ConsumerRecord<String, FlowgateEvent>> results) {
		StoreOutages.storePoll("the poll's deliveries", results, (record) -> (ExecutionCompleted) record.value(),
				this.intake::acceptAll);
	}

}
