package dev.flowgate.deployments.domain.execution;

import java.util.UUID;

import dev.flowgate.contracts.ExecutionRequested;

/** The trigger event of a queued replay, rebuilt from its record whenever it is sent. */
public final class ReplayTriggers {

	private ReplayTriggers() {
	}

	public static ExecutionRequested of(ExecutionRecord replay) {
		Trigger trigger = replay.trigger();
		return new ExecutionRequested(UUID.randomUUID(), ExecutionRequested.SCHEMA_VERSION, replay.createdAt(),
				replay.id(), replay.ownerId(), replay.deploymentId(), replay.flowVersion(), trigger.keyId(),
				trigger.source(), trigger.mode(), trigger.inputs().values(), null, trigger.deadline(),
				trigger.callbackUrl(), trigger.replayOf(), trigger.idempotencyKey(), trigger.inputsDigest());
	}

}
