package dev.flowgate.deployments.messaging;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.flowgate.contracts.ExecutionStarted;
import dev.flowgate.deployments.domain.execution.ExecutionService;

/** Records that a runner began an execution. */
@Component
class ExecutionStartedListener {

	private final ExecutionService executions;

	ExecutionStartedListener(ExecutionService executions) {
		this.executions = executions;
	}

	@KafkaListener(id = "deployment-service.executions-started", groupId = ListenerGroups.GROUP,
			topics = "#{T(dev.flowgate.contracts.Topics).EXECUTIONS_STARTED.name()}")
	void on(ExecutionStarted event) {
		this.executions.record(event);
	}

}
