package dev.flowgate.runner.domain.execution;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;

import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.contracts.ExecutionStarted;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.runner.domain.deployment.DeploymentView;
import dev.flowgate.runner.domain.engine.FlowEngine;
import dev.flowgate.runner.domain.engine.FlowRun;
import dev.flowgate.runner.domain.engine.InvalidFlowException;

/**
 * Turns a trigger into exactly one result: checks it, finds its deployment, runs the
 * pinned flow and announces the start of one that runs for a while. Every trigger that
 * names an execution gets a result, a failed one when it cannot run.
 */
public final class ExecutionService {

	private final DeploymentView deployments;

	private final FlowEngine engine;

	private final StartNotices startNotices;

	private final ExecutionSettings settings;

	private final ExecutionResults results;

	private final Clock clock;

	/**
	 * @param scheduler times the start notices; its tasks must keep the submitter's trace
	 */
	public ExecutionService(DeploymentView deployments, FlowEngine engine, ExecutionEvents events,
			ScheduledExecutorService scheduler, ExecutionSettings settings, Clock clock) {
		this.deployments = deployments;
		this.engine = engine;
		this.startNotices = new StartNotices(events, scheduler, settings.startNoticeDelay());
		this.settings = settings;
		this.results = new ExecutionResults(clock, settings.runnerId());
		this.clock = clock;
	}

	/**
	 * Starts the execution a trigger record asks for, its cancellation unknown: see
	 * {@link #start(String, FlowgateEvent, Instant)}.
	 */
	public Execution start(String recordKey, FlowgateEvent event) {
		return start(recordKey, event, null);
	}

	/**
	 * Starts the execution a trigger record asks for, or, when its cancellation is known
	 * already, ends it as cancelled without running any node.
	 * @param recordKey the record's key, which is the execution id
	 * @param cancelRequestedAt when its cancellation was requested, or {@code null}
	 * @throws InvalidTriggerException when neither the key nor the event names an
	 * execution
	 */
	public Execution start(String recordKey, FlowgateEvent event, Instant cancelRequestedAt) {
		ExecutionRequested trigger = (event instanceof ExecutionRequested requested) ? requested : null;
		String executionId = executionId(recordKey, trigger);
		if (trigger == null) {
			return rejected(executionId, null, "the record is not an execution.requested event");
		}
		String problem = TriggerCheck.problemWith(trigger, recordKey);
		if (problem != null) {
			return rejected(executionId, trigger, problem);
		}
		Execution execution = new Execution(executionId);
		if (cancelRequestedAt != null) {
			execution.stop(cancelRequestedAt);
		}
		this.deployments.await(trigger.deploymentId(), this.settings.deploymentWait())
			.thenAccept((found) -> found.filter((deployment) -> Objects.equals(deployment.ownerId(), trigger.ownerId()))
				.ifPresentOrElse((deployment) -> runGuarded(execution, trigger, deployment),
						() -> execution.finish(this.results.unknownDeployment(executionId, trigger))))
			.exceptionally((failure) -> failedInternally(execution, trigger, null, failure));
		return execution;
	}

	/**
	 * The result for a trigger the runner failed to take, however often it tried: its
	 * caller and owner hear of it instead of waiting for ever.
	 */
	public ExecutionCompleted untaken(String executionId, ExecutionRequested trigger, Throwable failure) {
		DeploymentStateChanged deployment = this.deployments.find(trigger.deploymentId())
			.filter((found) -> Objects.equals(found.ownerId(), trigger.ownerId()))
			.orElse(null);
		return this.results.internalError(executionId, trigger, deployment, failure);
	}

	/** The result for a trigger record that could not even be decoded. */
	public ExecutionCompleted undecodable(String executionId, String reason) {
		return this.results.invalidTrigger(executionId, null, "the trigger could not be decoded: " + reason);
	}

	private void run(Execution execution, ExecutionRequested trigger, DeploymentStateChanged deployment) {
		if (execution.isCancelled()) {
			return;
		}
		if (execution.isStopRequested()) {
			execution.finish(this.results.stoppedBeforeStart(execution.executionId(), trigger, deployment));
			return;
		}
		ExecutionStarted notice = new ExecutionStarted(UUID.randomUUID(), ExecutionStarted.SCHEMA_VERSION,
				this.clock.instant(), execution.executionId(), deployment.ownerId(), deployment.deploymentId(),
				deployment.flowVersion(), this.settings.runnerId());
		FlowRun run;
		try {
			run = this.engine.start(deployment.ownerId(), deployment.flow(), trigger.inputs(), deadline(trigger));
		}
		catch (InvalidFlowException ex) {
			execution.finish(this.results.invalidFlow(execution.executionId(), trigger, deployment, ex.getMessage()));
			return;
		}
		execution.attach(run);
		this.startNotices.announceUnlessFinished(notice, run.outcome());
		run.outcome()
			.thenAccept((outcome) -> execution
				.finish(this.results.completed(execution.executionId(), trigger, deployment, outcome)))
			.exceptionally((failure) -> failedInternally(execution, trigger, deployment, failure));
	}

	private void runGuarded(Execution execution, ExecutionRequested trigger, DeploymentStateChanged deployment) {
		try {
			run(execution, trigger, deployment);
		}
		catch (RuntimeException ex) {
			failedInternally(execution, trigger, deployment, ex);
		}
	}

	/**
	 * Fails the execution, unless the runner is stopping (its threads refuse work): then
	 * it is left without a result, for the partition's next owner to run.
	 */
	private Void failedInternally(Execution execution, ExecutionRequested trigger, DeploymentStateChanged deployment,
			Throwable failure) {
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		if (cause instanceof RejectedExecutionException) {
			execution.abandon(cause);
		}
		else {
			execution.failInternally(this.results.internalError(execution.executionId(), trigger, deployment, cause),
					cause);
		}
		return null;
	}

	/** The trigger's deadline, but never later than the runner's own limit. */
	private Instant deadline(ExecutionRequested trigger) {
		Instant limit = this.clock.instant().plus(this.settings.maxExecutionTime());
		return (trigger.deadline() != null && trigger.deadline().isBefore(limit)) ? trigger.deadline() : limit;
	}

	private Execution rejected(String executionId, ExecutionRequested trigger, String problem) {
		return Execution.finished(executionId, this.results.invalidTrigger(executionId, trigger, problem));
	}

	/** The record key decides the partition, so it names the result when present. */
	private static String executionId(String recordKey, ExecutionRequested trigger) {
		if (TriggerCheck.hasText(recordKey)) {
			return recordKey;
		}
		if (trigger != null && TriggerCheck.hasText(trigger.executionId())) {
			return trigger.executionId();
		}
		throw new InvalidTriggerException("the trigger names no execution: no record key and no executionId");
	}

}
