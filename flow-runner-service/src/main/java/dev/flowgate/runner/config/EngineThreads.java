package dev.flowgate.runner.config;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import dev.flowgate.runner.domain.engine.FairShares;

import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextScheduledExecutorService;
import io.micrometer.context.ContextSnapshotFactory;

/** The engine's threads; closed with the application context. */
final class EngineThreads implements AutoCloseable {

	private final ScheduledExecutorService scheduler;

	private final ExecutorService workers;

	private final ExecutorService evaluationThreads;

	private final Function<String, Executor> evaluators;

	private final ThreadPoolExecutor lookups;

	EngineThreads(RunnerProperties.Engine engine, int lookupThreads) {
		// Tasks run in the trace of their submitter: a flow's log lines carry the
		// trace id of the trigger that started it.
		ContextSnapshotFactory contexts = ContextSnapshotFactory.builder().build();
		// Every execution schedules its deadline (up to 15 min away) and most cancel it
		// within milliseconds: cancelled timers leave the queue at once, not when due.
		ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(engine.schedulerThreads(),
				ApplicationThreads.named("flow-timer-"));
		timers.setRemoveOnCancelPolicy(true);
		this.scheduler = ContextScheduledExecutorService.wrap(timers, contexts);
		this.workers = ContextExecutorService.wrap(
				Executors.newFixedThreadPool(engine.workerThreads(), ApplicationThreads.named("flow-worker-")),
				contexts);
		this.evaluationThreads = Executors.newFixedThreadPool(engine.evaluationThreads(),
				ApplicationThreads.named("flow-evaluator-"));
		FairShares shares = new FairShares(this.evaluationThreads, engine.evaluationThreads(),
				engine.evaluationThreadsPerOwner());
		// Captured as the task is handed over: it may start from another owner's thread.
		this.evaluators = (ownerId) -> {
			Executor share = shares.forOwner(ownerId);
			return (task) -> share.execute(contexts.captureAll().wrap(task));
		};
		// Unbounded: a node's own timeout bounds its wait, and a lookup it gave up leaves
		// the queue (GuardedLookups).
		this.lookups = new ThreadPoolExecutor(lookupThreads, lookupThreads, 0, TimeUnit.MILLISECONDS,
				new LinkedBlockingQueue<>(), ApplicationThreads.named("flow-lookup-"));
	}

	ScheduledExecutorService scheduler() {
		return this.scheduler;
	}

	ExecutorService workers() {
		return this.workers;
	}

	/** Transform and condition expressions, off the workers, for an owner. */
	Function<String, Executor> evaluators() {
		return this.evaluators;
	}

	/** Host lookups of outbound calls, off the workers. */
	ThreadPoolExecutor lookups() {
		return this.lookups;
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
		this.workers.shutdownNow();
		this.evaluationThreads.shutdownNow();
		this.lookups.shutdownNow();
	}

}
