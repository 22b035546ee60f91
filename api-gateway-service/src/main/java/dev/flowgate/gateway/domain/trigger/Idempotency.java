package dev.flowgate.gateway.domain.trigger;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.gateway.domain.input.JsonEquivalence;

/**
 * Finds the earlier trigger an {@code Idempotency-Key} names (in this replica's memory,
 * then in deployment-service's records) and refuses a repeat with different inputs.
 */
final class Idempotency {

	/**
	 * The earlier trigger: remembered here, or recorded by deployment-service.
	 *
	 * @param accepted completes once Kafka acknowledged the remembered trigger
	 * @param known its execution as far as known: finished, or recorded; else
	 * {@code null}
	 */
	record Earlier(ExecutionRequested remembered, CompletableFuture<Void> accepted, ExecutionSnapshot known) {
	}

	private final IdempotencyMemory memory;

	private final ExecutionRecords records;

	Idempotency(IdempotencyMemory memory, ExecutionRecords records) {
		this.memory = memory;
		this.records = records;
	}

	/**
	 * The earlier trigger with the id of {@code trigger}, or empty after claiming the id
	 * for {@code trigger}.
	 * @throws Rejection (422) when the earlier trigger had other inputs
	 */
	Optional<Earlier> earlierOrClaim(ExecutionRequested trigger) {
		Optional<Earlier> earlier = remembered(trigger).or(() -> recorded(trigger));
		if (earlier.isPresent() || this.memory.claim(trigger)) {
			return earlier;
		}
		// Another call with the same key claimed it a moment ago.
		return remembered(trigger);
	}

	void accepted(String executionId) {
		this.memory.find(executionId).ifPresent((remembered) -> remembered.accepted().complete(null));
	}

	void refused(String executionId, RuntimeException refusal) {
		this.memory.refused(executionId, refusal);
	}

	/** A repeat straight after this answer gets it, though deployment-service may lag. */
	void finished(ExecutionSnapshot execution) {
		this.memory.finished(execution);
	}

	private Optional<Earlier> remembered(ExecutionRequested trigger) {
		return this.memory.find(trigger.executionId()).map((earlier) -> {
			requireSame(JsonEquivalence.equivalent(earlier.trigger().inputs(), trigger.inputs()), trigger);
			return new Earlier(earlier.trigger(), earlier.accepted(), earlier.finished());
		});
	}

	/**
	 * Compared by digest, as the record's inputs are cut to its size limit; without one
	 * (recorded before digests) by the inputs if recorded in full. A record that cannot
	 * tell (its trigger not recorded yet) answers the repeat with its execution.
	 */
	private Optional<Earlier> recorded(ExecutionRequested trigger) {
		return this.records.find(trigger.executionId(), trigger.ownerId()).map((earlier) -> {
			requireSame(sameInputs(earlier, trigger), trigger);
			return new Earlier(null, CompletableFuture.completedFuture(null), earlier.execution());
		});
	}

	private static boolean sameInputs(ExecutionRecords.Recorded earlier, ExecutionRequested trigger) {
		if (earlier.inputsDigest() != null) {
			return earlier.inputsDigest().equals(trigger.inputsDigest());
		}
		return !earlier.inputsComplete() || JsonEquivalence.equivalent(earlier.execution().inputs(), trigger.inputs());
	}

	private static void requireSame(boolean sameInputs, ExecutionRequested trigger) {
		if (!sameInputs) {
			throw Rejection.of(Rejection.Reason.IDEMPOTENCY_MISMATCH, "Idempotency-Key '" + trigger.idempotencyKey()
					+ "' was already used for this deployment with different inputs");
		}
	}

}
