package dev.flowgate.deployments.messaging;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.deployments.domain.execution.ExecutionService;
import dev.flowgate.store.StoreOutages;

/**
 * Records execution results, a poll at a time. One read and one write per poll (not per
 * event), beside a look-up of the poll's owners among the erased ones: this service
 * records every execution of every deployment. A record that cannot be recorded goes to
 * the dead-letter topic alone; while MongoDB is away the poll waits
 * ({@link StoreOutages#storePoll}).
 */
@Component
class ExecutionCompletedListener {

	private final ExecutionService executions;

	ExecutionCompletedListener(ExecutionService executions) {
		this.executions = executions;
	}

	@KafkaListener(id = "deployment-service.executions-completed", groupId = ListenerGroups.GROUP,
			topics = "#{T(dev.flowgate.contracts.Topics).EXECUTIONS_COMPLETED.name()}", batch = "true")
	void on(List<ConsumerRecord<String, FlowgateEvent>> records) {
		StoreOutages.storePoll("the poll's execution results", records, ExecutionCompleted.class,
				this.executions::recordAll);
	}

}
