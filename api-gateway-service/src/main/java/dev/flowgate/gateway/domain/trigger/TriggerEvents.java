package dev.flowgate.gateway.domain.trigger;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.flowgate.contracts.DeploymentMode;
import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.gateway.domain.deployment.Deployment;
import dev.flowgate.gateway.domain.input.InputsDigest;
import dev.flowgate.gateway.domain.key.Caller;

/**
 * The {@code ExecutionRequested} an accepted call publishes: its execution id (name-based
 * for an idempotency key), where its result goes, its deadline and, for an idempotency
 * key, the digest a repeat is compared by.
 */
final class TriggerEvents {

	private final TriggerSettings settings;

	private final Clock clock;

	TriggerEvents(TriggerSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	ExecutionRequested of(Caller caller, Deployment deployment, TriggerRequest request) {
		Instant now = this.clock.instant();
		String executionId = (request.idempotencyKey() != null)
				? ExecutionIds.idempotent(caller.ownerId(), deployment.id(), request.idempotencyKey())
				: ExecutionIds.random();
		DeploymentMode mode = deployment.mode();
		String replyTo = (mode == DeploymentMode.SYNC) ? this.settings.instanceId() : null;
		Map<String, Object> inputs = withoutNulls(request.inputs());
		String inputsDigest = (request.idempotencyKey() != null) ? InputsDigest.of(inputs, request.callbackUrl())
				: null;
		return new ExecutionRequested(UUID.randomUUID(), ExecutionRequested.SCHEMA_VERSION, now, executionId,
				caller.ownerId(), deployment.id(), deployment.flowVersion(), caller.keyId(), request.source(), mode,
				inputs, replyTo, now.plus(this.settings.executionDeadline()), request.callbackUrl(), null,
				request.idempotencyKey(), inputsDigest);
	}

	/** The event cannot carry top-level nulls; an input set to null is an absent one. */
	private static Map<String, Object> withoutNulls(Map<String, Object> inputs) {
		Map<String, Object> present = new LinkedHashMap<>();
		inputs.forEach((name, value) -> {
			if (value != null) {
				present.put(name, value);
			}
		});
		return present;
	}

}
