package dev.flowgate.runner.messaging;

import java.util.concurrent.CancellationException;

import dev.flowgate.contracts.ExecutionCancellationRequested;
import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.runner.domain.execution.Execution;
import dev.flowgate.runner.domain.execution.ExecutionService;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Starts the execution a trigger asks for, unless a previous owner of the partition
 * already published its result, and publishes the result when it is ready. The trigger is
 * acknowledged only after that. Until it is known what a previous owner published, the
 * partition's triggers are held back.
 */
@Component
class TriggerDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(TriggerDispatcher.class);

	private final ExecutionService executions;

	private final PartitionStates partitions;

	private final ExecutionCapacity capacity;

	private final ResultPublisher results;

	private final ExecutionMetrics metrics;

	private final CancellationsAhead cancellationsAhead;

	private final ContextSnapshotFactory contexts = ContextSnapshotFactory.builder().build();

	TriggerDispatcher(ExecutionService executions, PartitionStates partitions, ExecutionCapacity capacity,
			ResultPublisher results, ExecutionMetrics metrics, CancellationsAhead cancellationsAhead) {
		this.executions = executions;
		this.partitions = partitions;
		this.capacity = capacity;
		this.results = results;
		this.metrics = metrics;
		this.cancellationsAhead = cancellationsAhead;
	}

	void dispatch(ConsumerRecord<String, FlowgateEvent> trigger, Acknowledgment acknowledgment,
			Consumer<?, ?> consumer) {
		PartitionState partition = this.partitions.of(trigger.topic(), trigger.partition());
		if (this.partitions.holdsBack(partition, trigger, consumer)) {
			return;
		}
		long offset = trigger.offset();
		if (trigger.value() instanceof ExecutionCancellationRequested cancellation) {
			stop(partition, offset, acknowledgment, cancellation);
			return;
		}
		String executionId = executionIdOf(trigger);
		if (partition.hasResult(executionId) || partition.startedBefore(executionId)) {
			logger.info("Skipping execution {}: it already ran or runs here, its one result is published", executionId);
			partition.received(offset, acknowledgment);
			partition.finished(offset);
			return;
		}
		// The trigger's trace (its traceparent header) goes with the result, whatever
		// thread finishes the execution.
		ContextSnapshot triggerContext = this.contexts.captureAll();
		Execution execution = this.executions.start(trigger.key(), trigger.value(),
				this.cancellationsAhead.requestedAt(executionId));
		partition.received(offset, acknowledgment);
		partition.running(offset, execution);
		long inputWeight = InputWeight.of(trigger.value());
		this.capacity.acquire(inputWeight);
		execution.result()
			.whenComplete((result, failure) -> inContext(triggerContext,
					() -> finishedOrLogged(partition, offset, execution, inputWeight, result, failure)));
	}

	/**
	 * The request comes behind its trigger in the partition, so the execution runs here
	 * unless it has ended (then its result stands).
	 */
	private void stop(PartitionState partition, long offset, Acknowledgment acknowledgment,
			ExecutionCancellationRequested cancellation) {
		partition.received(offset, acknowledgment);
		boolean running = partition.stop(cancellation.executionId(), cancellation.occurredAt());
		logger.info("Cancellation of execution {} requested: {}", cancellation.executionId(),
				running ? "stopping it" : "it is not running here, nothing to stop");
		partition.finished(offset);
	}

	/**
	 * What goes wrong here would vanish into a future nobody reads, leaving the trigger
	 * unacknowledged without a word.
	 */
	private void finishedOrLogged(PartitionState partition, long offset, Execution execution, long inputWeight,
			ExecutionCompleted result, Throwable failure) {
		try {
			this.capacity.release(inputWeight);
			finished(partition, offset, execution, result, failure);
		}
		catch (RuntimeException | Error ex) {
			logger.error("Execution {} ended, but handing on its result failed", execution.executionId(), ex);
			throw ex;
		}
	}

	/**
	 * Tracing is best effort: the result goes out even if its trace cannot be restored.
	 */
	private static void inContext(ContextSnapshot context, Runnable action) {
		ContextSnapshot.Scope scope;
		try {
			scope = context.setThreadLocals();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not restore the trace of a trigger; its result is published without it", ex);
			action.run();
			return;
		}
		try (scope) {
			action.run();
		}
	}

	private void finished(PartitionState partition, long offset, Execution execution, ExecutionCompleted result,
			Throwable failure) {
		execution.internalFailure()
			.ifPresent((cause) -> logger.error("Execution {} failed inside the runner; it ends failed",
					execution.executionId(), cause));
		if (result != null) {
			logger.debug("Execution {} of deployment {} {} after {} ms", result.executionId(), result.deploymentId(),
					result.status(), result.durationMillis());
			this.metrics.finished(result);
			this.results.publish(partition, offset, result);
			return;
		}
		if (!(failure instanceof CancellationException)) {
			logger.error("Execution {} ended without a result", execution.executionId(), failure);
		}
		partition.endedWithoutResult(offset);
	}

	private static String executionIdOf(ConsumerRecord<String, FlowgateEvent> trigger) {
		if (trigger.key() != null) {
			return trigger.key();
		}
		return (trigger.value() instanceof ExecutionRequested requested) ? requested.executionId() : null;
	}

}
