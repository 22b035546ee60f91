package dev.flowgate.deployments.messaging;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.deployments.domain.execution.ExecutionService;
import dev.flowgate.store.StoreOutages;

/**
 * Records a poll's execution events of one kind at once. A record of another kind
 * (undecodable, or the wrong event) fails alone: the events before it are recorded, it
 * goes to the dead-letter topic, and the ones after it come again. When recording itself
 * fails, the poll is tried again, or the event that fails alone dead-lettered
 * ({@link StoreOutages#storePoll}).
 */
final class ExecutionEventBatch {

	private ExecutionEventBatch() {
	}

	static void record(List<ConsumerRecord<String, FlowgateEvent>> records, Class<? extends FlowgateEvent> kind,
			ExecutionService executions) {
		StoreOutages.storePoll("the poll's execution events", records, kind, executions::recordAll);
	}

}
