package dev.flowgate.gateway.domain.trigger;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.gateway.domain.input.JsonEquivalence;

/**
 * Finds the earlier trigger an {@code Idempotency-Key} names (in this replica's memory,
 * then in deployment-service's records) and refuses a repeat with different inputs or
 * callback URL. Which API the repeat comes through does not matter: each answers the same
 * execution in its own shape.
 */
final class Idempotency {

	/**
	 * What the lookup of a trigger's id found: an earlier trigger, or none, so a claim.
	 */
	sealed interface Found permits Earlier, Claim {

	}

	/**
	 * The earlier trigger: remembered here, or recorded by deployment-service.
	 *
	 * @param accepted completes once Kafka acknowledged the remembered trigger
	 * @param known its execution as far as known: finished, or recorded; else
	 * {@code null}
	 */
	record Earlier(ExecutionRequested remembered, CompletableFuture<Void> accepted,
			ExecutionSnapshot known) implements Found {
	}

	/**
	 * A call's claim on its execution id: whether Kafka accepts its trigger is what the
	 * repeats waiting on the claim get. Settled through this reference, never by looking
	 * the id up again: the memory may forget it meanwhile, past its bounds.
	 */
	static final class Claim implements Found {

		/** That of a call without an {@code Idempotency-Key}: nothing to settle. */
		static final Claim NONE = new Claim(null, null);

		private final IdempotencyMemory memory;

		private final IdempotencyMemory.Remembered claimed;

		private Claim(IdempotencyMemory memory, IdempotencyMemory.Remembered claimed) {
			this.memory = memory;
			this.claimed = claimed;
		}

		void accepted() {
			if (this.claimed != null) {
				this.claimed.accepted().complete(null);
			}
		}

		void refused(RuntimeException refusal) {
			if (this.claimed != null) {
				this.memory.refused(this.claimed, refusal);
			}
		}

	}

	private final IdempotencyMemory memory;

	private final ExecutionRecords records;

	Idempotency(IdempotencyMemory memory, ExecutionRecords records) {
		this.memory = memory;
		this.records = records;
	}

	/**
	 * The earlier trigger with the id of {@code trigger}, or the claim of the id for
	 * {@code trigger}.
	 * @throws Rejection (422) when the earlier trigger had other inputs or callback URL
	 */
	Found earlierOrClaim(ExecutionRequested trigger) {
		Optional<Earlier> earlier = remembered(trigger).or(() -> recorded(trigger));
		if (earlier.isPresent()) {
			return earlier.get();
		}
		IdempotencyMemory.Remembered held = this.memory.claim(trigger);
		// Else another call with the same key claimed it a moment ago.
		return (held.trigger() == trigger) ? new Claim(this.memory, held) : earlier(held, trigger);
	}

	/** A repeat straight after this answer gets it, though deployment-service may lag. */
	void finished(ExecutionSnapshot execution) {
		this.memory.finished(execution);
	}

	private Optional<Earlier> remembered(ExecutionRequested trigger) {
		return this.memory.find(trigger.executionId()).map((earlier) -> earlier(earlier, trigger));
	}

	private static Earlier earlier(IdempotencyMemory.Remembered earlier, ExecutionRequested trigger) {
		requireSame(JsonEquivalence.equivalent(earlier.trigger().inputs(), trigger.inputs())
				&& Objects.equals(earlier.trigger().callbackUrl(), trigger.callbackUrl()), trigger);
		return new Earlier(earlier.trigger(), earlier.accepted(), earlier.finished());
	}

	/**
	 * Compared by digest (of the inputs and the callback URL), as the record's inputs are
	 * cut to its size limit; without one (recorded before digests) by the inputs if
	 * recorded in full. A record that cannot tell (its trigger not recorded yet) answers
	 * the repeat with its execution.
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
					+ "' was already used for this deployment with different inputs or callback_url");
		}
	}

}
