package dev.flowgate.runner.messaging;

import dev.flowgate.contracts.FlowgateEvent;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Accepts triggers, and the owners' requests to cancel them that follow them in their
 * partition. It starts once the deployment view has caught up, and each record only
 * starts (or stops) an execution: the partition moves on while flows run.
 */
@Component
class TriggerListener {

	static final String ID = "flow-runner";

	private final TriggerDispatcher dispatcher;

	TriggerListener(TriggerDispatcher dispatcher) {
		this.dispatcher = dispatcher;
	}

	// Cooperative rebalancing: a runner joining or leaving moves only the partitions that
	// change owner, instead of cancelling every execution in flight.
	@KafkaListener(id = ID, groupId = ID, autoStartup = "false",
			topics = "#{T(dev.flowgate.contracts.Topics).EXECUTIONS_REQUESTED.name()}",
			properties = "partition.assignment.strategy=org.apache.kafka.clients.consumer.CooperativeStickyAssignor")
	void on(ConsumerRecord<String, FlowgateEvent> trigger, Acknowledgment acknowledgment, Consumer<?, ?> consumer) {
		this.dispatcher.dispatch(trigger, acknowledgment, consumer);
	}

}
