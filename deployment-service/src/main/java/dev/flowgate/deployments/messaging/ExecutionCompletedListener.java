package dev.flowgate.deployments.messaging;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.deployments.domain.execution.ExecutionService;

/** Records execution results. */
@Component
class ExecutionCompletedListener {

	private final ExecutionService executions;

	ExecutionCompletedListener(ExecutionService executions) {
		this.executions = executions;
	}

	@KafkaListener(id = "deployment-service.executions-completed", groupId = ListenerGroups.GROUP,
			topics = "#{T(dev.flowgate.contracts.Topics).EXECUTIONS_COMPLETED.name()}")
	void on(ExecutionCompleted event) {
		this.executions.record(event);
	}

}
