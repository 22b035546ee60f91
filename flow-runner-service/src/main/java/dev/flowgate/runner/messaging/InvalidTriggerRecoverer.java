package dev.flowgate.runner.messaging;

import dev.flowgate.runner.domain.execution.ExecutionService;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.support.serializer.DeserializationException;

/**
 * The end of the line for a trigger the listener could not take: an undecodable trigger
 * whose key names the execution gets a failed result, so its caller hears back; anything
 * else goes to the dead-letter topic. Either way the partition moves on.
 */
final class InvalidTriggerRecoverer implements ConsumerRecordRecoverer {

	private final PartitionStates partitions;

	private final ExecutionService executions;

	private final ResultPublisher results;

	private final ConsumerRecordRecoverer deadLetters;

	InvalidTriggerRecoverer(PartitionStates partitions, ExecutionService executions, ResultPublisher results,
			ConsumerRecordRecoverer deadLetters) {
		this.partitions = partitions;
		this.executions = executions;
		this.results = results;
		this.deadLetters = deadLetters;
	}

	@Override
	public void accept(ConsumerRecord<?, ?> trigger, Exception failure) {
		PartitionState partition = this.partitions.of(trigger.topic(), trigger.partition());
		partition.received(trigger.offset(), null);
		DeserializationException undecodable = undecodable(failure);
		String executionId = (trigger.key() instanceof String key && !key.isBlank()) ? key : null;
		if (undecodable != null && executionId != null) {
			if (!partition.hasResult(executionId)) {
				this.results.send(this.executions.undecodable(executionId, firstLine(undecodable)));
			}
		}
		else {
			this.deadLetters.accept(trigger, failure);
		}
		partition.finished(trigger.offset());
	}

	private static DeserializationException undecodable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DeserializationException deserialization) {
				return deserialization;
			}
		}
		return null;
	}

	/** The parser's own message names the problem; the rest is a source excerpt. */
	private static String firstLine(DeserializationException undecodable) {
		Throwable reason = (undecodable.getCause() != null) ? undecodable.getCause() : undecodable;
		String message = String.valueOf(reason.getMessage());
		int lineEnd = message.indexOf('\n');
		return (lineEnd >= 0) ? message.substring(0, lineEnd) : message;
	}

}
