package dev.flowgate.deployments.messaging;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.TriggersRejected;
import dev.flowgate.deployments.domain.usage.UsageService;

/** Keeps the gateway's counts of refused trigger calls for the usage reports. */
@Component
class TriggersRejectedListener {

	private final UsageService usage;

	TriggersRejectedListener(UsageService usage) {
		this.usage = usage;
	}

	@KafkaListener(id = "deployment-service.triggers-rejected", groupId = ListenerGroups.GROUP,
			topics = "#{T(dev.flowgate.contracts.Topics).TRIGGERS_REJECTED.name()}")
	void on(FlowgateEvent event) {
		if (event instanceof TriggersRejected summary) {
			this.usage.recordRejections(summary);
		}
	}

}
