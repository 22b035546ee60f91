package dev.flowgate.deployments.messaging;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.flowgate.contracts.ExecutionCancellationRequested;
import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.deployments.domain.execution.ExecutionService;
import dev.flowgate.store.StoreOutages;

/**
 * Records accepted triggers (the gateway's and this service's replays), a poll at a time.
 * One read and one write per poll (not per event), beside a look-up of the poll's owners
 * among the erased ones: this service records every execution of every deployment. The
 * cancel requests on the same topic are this service's own, already recorded when they
 * were sent: they are passed over. A record that cannot be recorded goes to the
 * dead-letter topic alone; while MongoDB is away the poll waits
 * ({@link StoreOutages#storePoll}).
 */
@Component
class ExecutionRequestedListener {

	private final ExecutionService executions;

	ExecutionRequestedListener(ExecutionService executions) {
		this.executions = executions;
	}

	@KafkaListener(id = "deployment-service.executions-requested", groupId = ListenerGroups.GROUP,
			topics = "#{T(dev.flowgate.contracts.Topics).EXECUTIONS_REQUESTED.name()}", batch = "true")
	void on(List<ConsumerRecord<String, FlowgateEvent>> records) {
		StoreOutages.storePoll("the poll's triggers",
				records.stream()
					.filter((record) -> !(record.value() instanceof ExecutionCancellationRequested))
					.toList(),
				ExecutionRequested.class, this.executions::recordAll);
	}

}
