package dev.flowgate.runner.messaging;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.Topics;
import dev.flowgate.runner.config.RunnerProperties;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Publishes results and waits for Kafka's acknowledgement (acks=all, idempotent) before
 * the trigger is acknowledged, so an accepted trigger is never lost: if publishing fails
 * the trigger stays uncommitted and the partition's next owner runs it again.
 */
@Component
class ResultPublisher implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ResultPublisher.class);

	private final KafkaTemplate<String, FlowgateEvent> template;

	private final Duration sendTimeout;

	private final ExecutorService senders;

	ResultPublisher(KafkaTemplate<String, FlowgateEvent> template, RunnerProperties properties) {
		this.template = template;
		this.sendTimeout = properties.triggers().sendTimeout();
		// Sender threads take over the trace of whoever hands them a result.
		this.senders = ContextExecutorService.wrap(Executors.newFixedThreadPool(properties.triggers().senderThreads(),
				new CustomizableThreadFactory("result-sender-")), ContextSnapshotFactory.builder().build());
	}

	/** Publishes on a sender thread, then marks the trigger finished. */
	void publish(PartitionState partition, long offset, ExecutionCompleted result) {
		try {
			this.senders.execute(() -> publishNow(partition, offset, result));
		}
		catch (RejectedExecutionException ex) {
			logger.warn("Not publishing the result of {}: the runner is stopping", result.executionId());
		}
	}

	/** Publishes on the calling thread and waits for the acknowledgement. */
	void send(ExecutionCompleted result) {
		try {
			this.template.send(Topics.EXECUTIONS_COMPLETED.name(), result.executionId(), result)
				.get(this.sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KafkaException("Interrupted while publishing the result of " + result.executionId(), ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new KafkaException("Could not publish the result of " + result.executionId(), ex);
		}
	}

	@Override
	public void close() {
		this.senders.shutdownNow();
	}

	private void publishNow(PartitionState partition, long offset, ExecutionCompleted result) {
		try {
			if (partition.publishWhileOwned(() -> send(result))) {
				partition.finished(offset);
			}
			else {
				logger.info("Dropping the result of {}: its partition moved to another runner, which runs it again",
						result.executionId());
			}
		}
		catch (RuntimeException ex) {
			logger.error(
					"The result of {} is not published; its trigger stays uncommitted for the partition's next owner",
					result.executionId(), ex);
		}
	}

}
