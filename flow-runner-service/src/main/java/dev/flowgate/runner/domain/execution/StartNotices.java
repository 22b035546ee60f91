package dev.flowgate.runner.domain.execution;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.flowgate.contracts.ExecutionStarted;

/**
 * Announces an execution's start only if it is still running after a delay. The result of
 * a shorter one says as much (it carries the start time and the runner), and skipping the
 * notice spares Kafka and deployment-service one event per execution: most executions are
 * short.
 */
final class StartNotices {

	private final ExecutionEvents events;

	private final ScheduledExecutorService scheduler;

	private final Duration delay;

	StartNotices(ExecutionEvents events, ScheduledExecutorService scheduler, Duration delay) {
		this.events = events;
		this.scheduler = scheduler;
		this.delay = delay;
	}

	/**
	 * @param outcome completes when the execution ends; no notice is sent after that
	 */
	void announceUnlessFinished(ExecutionStarted notice, CompletableFuture<?> outcome) {
		if (this.delay.isZero()) {
			this.events.started(notice);
			return;
		}
		if (outcome.isDone()) {
			return;
		}
		ScheduledFuture<?> pending = this.scheduler.schedule(() -> {
			if (!outcome.isDone()) {
				this.events.started(notice);
			}
		}, this.delay.toMillis(), TimeUnit.MILLISECONDS);
		outcome.whenComplete((result, failure) -> pending.cancel(false));
	}

}
