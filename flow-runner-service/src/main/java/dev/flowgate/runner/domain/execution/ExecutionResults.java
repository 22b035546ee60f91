package dev.flowgate.runner.domain.execution;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionError;
import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.TokenUsage;
import dev.flowgate.contracts.TriggerSource;
import dev.flowgate.runner.domain.engine.FlowOutcome;
import dev.flowgate.runner.domain.engine.FlowRun;

/** Builds the {@code ExecutionCompleted} for each way an execution can end. */
final class ExecutionResults {

	private final Clock clock;

	private final String runnerId;

	ExecutionResults(Clock clock, String runnerId) {
		this.clock = clock;
		this.runnerId = runnerId;
	}

	ExecutionCompleted completed(String executionId, ExecutionRequested trigger, DeploymentStateChanged deployment,
			FlowOutcome outcome) {
		return new ExecutionCompleted(UUID.randomUUID(), ExecutionCompleted.SCHEMA_VERSION, this.clock.instant(),
				executionId, deployment.ownerId(), deployment.deploymentId(), deployment.flowVersion(),
				outcome.status(), outcome.outputs(), outcome.error(), outcome.trace(), outcome.startedAt(),
				outcome.finishedAt(), outcome.durationMillis(), outcome.tokenUsage(), trigger.replyTo(),
				delivery(deployment.delivery(), trigger.callbackUrl()), this.runnerId, deployment.name(), null);
	}

	/** Cancelled before its flow started: delivered like any result, with no trace. */
	ExecutionCompleted stoppedBeforeStart(String executionId, ExecutionRequested trigger,
			DeploymentStateChanged deployment) {
		return withoutRun(executionId, deployment.ownerId(), deployment.deploymentId(), deployment.flowVersion(),
				ExecutionStatus.CANCELLED, FlowRun.STOPPED, trigger.replyTo(),
				delivery(deployment.delivery(), trigger.callbackUrl()), deployment.name());
	}

	/**
	 * A trigger whose deployment the runner cannot find: its caller's own callback hears
	 * of it, the deployment's targets being unknown.
	 */
	ExecutionCompleted unknownDeployment(String executionId, ExecutionRequested trigger) {
		ExecutionError error = new ExecutionError(null, ExecutionError.INVALID_TRIGGER,
				"the deployment '%s' does not exist".formatted(trigger.deploymentId()));
		return failed(executionId, trigger.ownerId(), trigger.deploymentId(), trigger.flowVersion(), error,
				trigger.replyTo(), callerDelivery(trigger));
	}

	/** A malformed trigger; nothing is delivered, as its deployment is unknown. */
	ExecutionCompleted invalidTrigger(String executionId, ExecutionRequested trigger, String message) {
		boolean known = trigger != null;
		return failed(executionId, known ? trigger.ownerId() : null, known ? trigger.deploymentId() : null,
				known ? trigger.flowVersion() : 0, new ExecutionError(null, ExecutionError.INVALID_TRIGGER, message),
				known ? trigger.replyTo() : null, DeliveryTarget.NONE);
	}

	/** The deployed flow cannot run; the owner hears of it like of any failure. */
	ExecutionCompleted invalidFlow(String executionId, ExecutionRequested trigger, DeploymentStateChanged deployment,
			String message) {
		return failed(executionId, trigger, deployment, new ExecutionError(null, ExecutionError.INVALID_FLOW, message));
	}

	/**
	 * The runner failed while running it; the owner hears of it like of any failure when
	 * the deployment is known, else only the caller's own callback does.
	 */
	ExecutionCompleted internalError(String executionId, ExecutionRequested trigger, DeploymentStateChanged deployment,
			Throwable cause) {
		ExecutionError error = new ExecutionError(null, ExecutionError.INTERNAL_ERROR,
				"the runner failed while running this execution (" + cause.getClass().getSimpleName()
						+ "); the runner's log has the details");
		if (deployment == null) {
			return failed(executionId, trigger.ownerId(), trigger.deploymentId(), trigger.flowVersion(), error,
					trigger.replyTo(), callerDelivery(trigger));
		}
		return failed(executionId, trigger, deployment, error);
	}

	/**
	 * The deployment's targets, with the trigger's callback URL if the deployment allows
	 * it.
	 */
	static DeliveryTarget delivery(DeliveryTarget target, String callbackOverride) {
		if (target.allowCallbackOverride() && callbackOverride != null && !callbackOverride.isBlank()) {
			return new DeliveryTarget(callbackOverride, target.email(), true);
		}
		return target;
	}

	/**
	 * Without the deployment, only the callback URL the call named: the gateway accepted
	 * it only where the deployment allowed one. A replay's is the original call's, not
	 * checked against the deployment when the replay was accepted, so it stays unused.
	 */
	private static DeliveryTarget callerDelivery(ExecutionRequested trigger) {
		String url = trigger.callbackUrl();
		if (trigger.source() == TriggerSource.REPLAY || url == null || url.isBlank()) {
			return DeliveryTarget.NONE;
		}
		return new DeliveryTarget(url, null, true);
	}

	/**
	 * Failed without running, its deployment known: delivered and named like any result.
	 */
	private ExecutionCompleted failed(String executionId, ExecutionRequested trigger, DeploymentStateChanged deployment,
			ExecutionError error) {
		return withoutRun(executionId, deployment.ownerId(), deployment.deploymentId(), deployment.flowVersion(),
				ExecutionStatus.FAILED, error, trigger.replyTo(),
				delivery(deployment.delivery(), trigger.callbackUrl()), deployment.name());
	}

	private ExecutionCompleted failed(String executionId, String ownerId, String deploymentId, int flowVersion,
			ExecutionError error, String replyTo, DeliveryTarget delivery) {
		return withoutRun(executionId, ownerId, deploymentId, flowVersion, ExecutionStatus.FAILED, error, replyTo,
				delivery, null);
	}

	private ExecutionCompleted withoutRun(String executionId, String ownerId, String deploymentId, int flowVersion,
			ExecutionStatus status, ExecutionError error, String replyTo, DeliveryTarget delivery,
			String deploymentName) {
		Instant now = this.clock.instant();
		return new ExecutionCompleted(UUID.randomUUID(), ExecutionCompleted.SCHEMA_VERSION, now, executionId, ownerId,
				deploymentId, flowVersion, status, Map.of(), error, List.of(), now, now, 0, TokenUsage.NONE, replyTo,
				delivery, this.runnerId, deploymentName, null);
	}

}
