package dev.flowgate.deployments.domain.execution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.flowgate.contracts.DeploymentMode;
import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.contracts.TriggerSource;
import dev.flowgate.deployments.domain.ConflictException;
import dev.flowgate.deployments.domain.InvalidRequestException.FieldProblem;
import dev.flowgate.deployments.domain.NotFoundException;
import dev.flowgate.deployments.domain.deployment.Deployment;
import dev.flowgate.deployments.domain.deployment.DeploymentService;
import dev.flowgate.deployments.domain.flow.FlowInput;

/**
 * Runs an execution again with the same inputs on its deployment's current flow version.
 * Nobody waits for a replay, so it is asynchronous and its result is delivered like any
 * other (callback, email, polling), to the callback URL the original call named if it
 * named one.
 */
public class ReplayService {

	private static final String NOT_ACCEPTED = "Execution '%s' cannot be replayed: "
			+ "the deployment's current flow version %d no longer accepts this execution's inputs";

	private final ExecutionService executions;

	private final DeploymentService deployments;

	private final ExecutionMerge merge;

	private final ReplayQueue queue;

	private final Clock clock;

	private final Duration deadline;

	public ReplayService(ExecutionService executions, DeploymentService deployments, ExecutionMerge merge,
			ReplayQueue queue, Clock clock, Duration deadline) {
		this.executions = executions;
		this.deployments = deployments;
		this.merge = merge;
		this.queue = queue;
		this.clock = clock;
		this.deadline = deadline;
	}

	/**
	 * Queues the replay and returns its record (queued).
	 * @throws ReplayInputsRejectedException when the current flow version's inputs refuse
	 * the recorded ones
	 */
	public ExecutionRecord replay(String ownerId, String executionId) {
		ExecutionRecord original = this.executions.get(ownerId, executionId);
		if (original.trigger() == null) {
			throw new ConflictException(ConflictException.Kind.NOT_REPLAYABLE,
					"Execution '%s' has no recorded inputs yet; retry shortly".formatted(executionId));
		}
		if (!original.isReplayable()) {
			throw new ConflictException(ConflictException.Kind.NOT_REPLAYABLE,
					"Execution '%s' cannot be replayed: its inputs were too large to store".formatted(executionId));
		}
		Deployment deployment = currentDeployment(ownerId, original);
		requireAccepted(deployment, original);
		Instant now = this.clock.instant();
		// The call's own callback URL too: the runner takes it only if the deployment
		// still allows one when the result comes.
		ExecutionRequested trigger = new ExecutionRequested(UUID.randomUUID(), ExecutionRequested.SCHEMA_VERSION, now,
				UUID.randomUUID().toString(), ownerId, deployment.id(), deployment.flowVersion(), null,
				TriggerSource.REPLAY, DeploymentMode.ASYNC, original.trigger().inputs().values(), null,
				now.plus(this.deadline), original.trigger().callbackUrl(), original.id(), null, null);
		ExecutionRecord replay = this.merge.apply(null, trigger);
		this.queue.enqueue(replay);
		return replay;
	}

	/**
	 * The gateway checked the inputs against the version they were sent to; a version
	 * deployed since may declare others, and a replay must not run what a call would not.
	 */
	private static void requireAccepted(Deployment deployment, ExecutionRecord original) {
		List<FieldProblem> problems = FlowInput.problems(deployment.flow(), original.trigger().inputs().values());
		if (!problems.isEmpty()) {
			throw new ReplayInputsRejectedException(NOT_ACCEPTED.formatted(original.id(), deployment.flowVersion()),
					problems);
		}
	}

	private Deployment currentDeployment(String ownerId, ExecutionRecord original) {
		try {
			Deployment deployment = this.deployments.get(ownerId, original.deploymentId());
			if (!deployment.enabled()) {
				throw new ConflictException(ConflictException.Kind.NOT_REPLAYABLE,
						"Deployment '%s' is disabled".formatted(deployment.id()));
			}
			return deployment;
		}
		catch (NotFoundException ex) {
			throw new ConflictException(ConflictException.Kind.NOT_REPLAYABLE,
					"Deployment '%s' of execution '%s' no longer exists".formatted(original.deploymentId(),
							original.id()));
		}
	}

}
