package dev.flowgate.runner.messaging;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.Topics;
import dev.flowgate.kafka.SendFailures;
import dev.flowgate.runner.config.ApplicationThreads;
import dev.flowgate.runner.config.RunnerProperties;
import io.micrometer.context.ContextScheduledExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes results and waits for Kafka's acknowledgement (acks=all, idempotent) before
 * the trigger is acknowledged, so an accepted trigger is never lost. A result that cannot
 * be published (Kafka away for longer than the producer waits) is tried again after
 * {@code sendRetryInterval} for as long as this runner owns the trigger's partition;
 * meanwhile the trigger stays uncommitted, so the partition's next owner would run it.
 */
@Component
class ResultPublisher implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ResultPublisher.class);

	private final KafkaTemplate<String, FlowgateEvent> template;

	private final Duration sendTimeout;

	private final Duration retryInterval;

	private final ScheduledExecutorService senders;

	ResultPublisher(KafkaTemplate<String, FlowgateEvent> template, RunnerProperties properties) {
		this.template = template;
		this.sendTimeout = properties.triggers().sendTimeout();
		this.retryInterval = properties.triggers().sendRetryInterval();
		// Sender threads take over the trace of whoever hands them a result.
		this.senders = ContextScheduledExecutorService
			.wrap(new ScheduledThreadPoolExecutor(properties.triggers().senderThreads(),
					ApplicationThreads.named("result-sender-")), ContextSnapshotFactory.builder().build());
	}

	/** Publishes on a sender thread, then marks the trigger finished. */
	void publish(PartitionState partition, long offset, ExecutionCompleted result) {
		try {
			this.senders.execute(new Publication(partition, offset, result));
		}
		catch (RejectedExecutionException ex) {
			logger.warn("Not publishing the result of {}: the runner is stopping", result.executionId());
		}
	}

	/** Publishes on the calling thread and waits for the acknowledgement. */
	void send(ExecutionCompleted result) {
		await(result, this.template.send(Topics.EXECUTIONS_COMPLETED.name(), result.executionId(), result));
	}

	@Override
	public void close() {
		this.senders.shutdownNow();
	}

	private void await(ExecutionCompleted result, CompletableFuture<?> sending) {
		try {
			sending.get(this.sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KafkaException("Interrupted while publishing the result of " + result.executionId(), ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new KafkaException("Could not publish the result of " + result.executionId(), ex);
		}
	}

	/**
	 * One result on its way out. A send that timed out may still be in the producer's
	 * buffer, so a retry waits for it again and sends anew only after it failed: the
	 * result is not written twice.
	 */
	private final class Publication implements Runnable {

		private final PartitionState partition;

		private final long offset;

		private ExecutionCompleted result;

		private CompletableFuture<?> sending;

		private int failures;

		Publication(PartitionState partition, long offset, ExecutionCompleted result) {
			this.partition = partition;
			this.offset = offset;
			this.result = result;
		}

		@Override
		public void run() {
			try {
				if (this.partition.publishWhileOwned(this::sendOnce)) {
					this.partition.finished(this.offset);
				}
				else {
					logger.info("Dropping the result of {}: its partition moved to another runner, which runs it again",
							this.result.executionId());
				}
			}
			catch (RuntimeException ex) {
				if (replacedWithoutOutputs(ex)) {
					run();
					return;
				}
				failed(ex);
				retryLater();
			}
			catch (Error ex) {
				// Thrown on, it would vanish into the executor's future without a trace.
				logger.error("Publishing the result of {} failed", this.result.executionId(), ex);
				throw ex;
			}
		}

		/**
		 * A result Kafka refuses for its size, or that cannot be serialized, would be
		 * refused for ever: its failure, without outputs, goes instead.
		 */
		private boolean replacedWithoutOutputs(RuntimeException failure) {
			if (OversizedResults.isReplacement(this.result)) {
				return false;
			}
			Optional<ExecutionCompleted> replacement = SendFailures.tooLarge(failure)
				.map((tooLarge) -> OversizedResults.withoutOutputs(this.result, tooLarge))
				.or(() -> SendFailures.unserializable(failure)
					.map((reason) -> OversizedResults.withoutOutputs(this.result, reason)));
			if (replacement.isEmpty()) {
				return false;
			}
			logger.warn("The result of {} cannot be published ({}); publishing its failure without outputs",
					this.result.executionId(), replacement.get().error().code());
			this.result = replacement.get();
			this.sending = null;
			return true;
		}

		private void sendOnce() {
			if (this.sending == null || this.sending.isCompletedExceptionally()) {
				this.sending = ResultPublisher.this.template.send(Topics.EXECUTIONS_COMPLETED.name(),
						this.result.executionId(), this.result);
			}
			await(this.result, this.sending);
		}

		/** The whole failure once, then one line per try: an outage may last long. */
		private void failed(RuntimeException ex) {
			this.failures++;
			String message = "The result of {} is not published yet (try {}); trying again in {}";
			if (this.failures == 1) {
				logger.error(message, this.result.executionId(), this.failures, ResultPublisher.this.retryInterval, ex);
			}
			else {
				logger.warn(message, this.result.executionId(), this.failures, ResultPublisher.this.retryInterval);
			}
		}

		private void retryLater() {
			try {
				ResultPublisher.this.senders.schedule(this, ResultPublisher.this.retryInterval.toMillis(),
						TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException ex) {
				logger.warn("Not publishing the result of {}: the runner is stopping; its trigger stays uncommitted",
						this.result.executionId());
			}
		}

	}

}
