package dev.flowgate.runner.messaging;

import dev.flowgate.contracts.ExecutionStarted;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.Topics;
import dev.flowgate.runner.domain.execution.ExecutionEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Announces started executions. Fire and forget: a lost start notice costs nothing, the
 * result follows on the same partition, in order behind it.
 */
@Component
class KafkaExecutionEvents implements ExecutionEvents {

	private static final Logger logger = LoggerFactory.getLogger(KafkaExecutionEvents.class);

	private final KafkaTemplate<String, FlowgateEvent> template;

	KafkaExecutionEvents(KafkaTemplate<String, FlowgateEvent> template) {
		this.template = template;
	}

	@Override
	public void started(ExecutionStarted started) {
		try {
			this.template.send(Topics.EXECUTIONS_STARTED.name(), started.executionId(), started)
				.whenComplete((sent, failure) -> {
					if (failure != null) {
						announcementFailed(started, failure);
					}
				});
		}
		catch (RuntimeException ex) {
			announcementFailed(started, ex);
		}
	}

	private static void announcementFailed(ExecutionStarted started, Throwable failure) {
		logger.warn("Could not announce the start of {}", started.executionId(), failure);
	}

}
