package dev.flowgate.runner.messaging;

import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.runner.domain.execution.ExecutionService;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

/**
 * The end of the line for a trigger the listener could not take. One that names its
 * execution gets a failed result, so that its caller hears back: undecodable, or failing
 * in the listener however often it was tried. What the result cannot say (a trigger
 * naming no execution, a failed trigger's record for a look at it) goes to the
 * dead-letter topic. Either way the partition moves on.
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
		// An execution started in an earlier try publishes its own result.
		if (executionId != null && !partition.hasResult(executionId) && !partition.startedBefore(executionId)) {
			ExecutionCompleted result = resultFor(executionId, trigger.value(), failure, undecodable);
			if (result != null) {
				this.results.send(result);
			}
		}
		if (undecodable == null || executionId == null) {
			this.deadLetters.accept(trigger, failure);
		}
		partition.finished(trigger.offset());
	}

	/** Null for a record that is no trigger (a cancellation): its execution goes on. */
	private ExecutionCompleted resultFor(String executionId, Object value, Exception failure,
			DeserializationException undecodable) {
		if (undecodable != null) {
			return this.executions.undecodable(executionId, firstLine(undecodable));
		}
		if (value instanceof ExecutionRequested trigger) {
			Throwable cause = (failure instanceof ListenerExecutionFailedException && failure.getCause() != null)
					? failure.getCause() : failure;
			return this.executions.untaken(executionId, trigger, cause);
		}
		return null;
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
