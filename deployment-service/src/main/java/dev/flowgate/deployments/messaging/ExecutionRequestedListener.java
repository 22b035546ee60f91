package dev.flowgate.deployments.messaging;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.deployments.domain.execution.ExecutionService;

/** Records accepted triggers (the gateway's and this service's replays). */
@Component
class ExecutionRequestedListener {

	private final ExecutionService executions;

	ExecutionRequestedListener(ExecutionService executions) {
		this.executions = executions;
	}

	@KafkaListener(id = "deployment-service.executions-requested", groupId = ListenerGroups.GROUP,
			topics = "#{T(dev.flowgate.contracts.Topics).EXECUTIONS_REQUESTED.name()}")
	void on(ExecutionRequested event) {
		this.executions.record(event);
	}

}
