package dev.flowgate.keys.messaging;

import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.keys.domain.key.LastUseRecorder;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps each key's last use current from the accepted triggers. */
@Component
class ExecutionRequestedListener {

	private final LastUseRecorder uses;

	ExecutionRequestedListener(LastUseRecorder uses) {
		this.uses = uses;
	}

	@KafkaListener(id = "key-service-last-used",
			topics = "#{T(dev.flowgate.contracts.Topics).EXECUTIONS_REQUESTED.name()}")
	void on(FlowgateEvent event) {
		// The topic also carries cancellation requests, which use no key.
		if (event instanceof ExecutionRequested requested) {
			this.uses.record(requested.keyId(), requested.occurredAt());
		}
	}

}
