package dev.flowgate.deployments.domain.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.flowgate.deployments.domain.ConcurrentChangeException;

/**
 * Decides what becomes of a request sent with an {@code Idempotency-Key}: the first is
 * handled, a repeat within {@code keptFor} gets its answer again, and the same key with
 * another request is refused. The store's unique id decides between two requests (on two
 * replicas) that arrive together. An attempt in progress for longer than
 * {@code abandonedAfter} is taken to have died with its process and may be taken over: a
 * create it had done before dying is then done a second time.
 */
public class IdempotentRequests {

	/** Insert, find and take over may each lose a race once; more is a busy key. */
	private static final int TRIES = 3;

	private final IdempotencyStore store;

	private final Clock clock;

	private final Settings settings;

	public IdempotentRequests(IdempotencyStore store, Clock clock, Settings settings) {
		this.store = store;
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * @throws IdempotencyMismatchException if the key was used for another request
	 * @throws ConcurrentChangeException while the first request is still being handled
	 */
	public Attempt begin(IdempotencyKey id, String fingerprint) {
		Instant now = this.clock.instant();
		IdempotencyRecord fresh = new IdempotencyRecord(id, fingerprint, now, null);
		for (int i = 0; i < TRIES; i++) {
			if (this.store.insert(fresh)) {
				return new Attempt.Proceed(fresh);
			}
			Optional<Attempt> decided = this.store.find(id).flatMap((existing) -> decide(existing, fresh));
			if (decided.isPresent()) {
				return decided.get();
			}
		}
		throw inProgress();
	}

	/** Keeps a successful answer for the repeats; a failed one is released. */
	public void complete(IdempotencyRecord claim, StoredAnswer answer) {
		if (StoredAnswer.keeps(answer.status())) {
			this.store.complete(claim, answer);
		}
		else {
			release(claim);
		}
	}

	/** Forgets an attempt that did not succeed, so that a retry runs anew. */
	public void release(IdempotencyRecord claim) {
		this.store.release(claim);
	}

	/** Returns how many records past {@code keptFor} were removed. */
	public long sweep() {
		return this.store.deleteStartedBefore(this.clock.instant().minus(this.settings.keptFor()));
	}

	/** Empty when the record changed meanwhile, to be looked at again. */
	private Optional<Attempt> decide(IdempotencyRecord existing, IdempotencyRecord fresh) {
		Instant now = fresh.startedAt();
		if (olderThan(existing, this.settings.keptFor(), now)) {
			return takeOver(existing, fresh);
		}
		if (!existing.fingerprint().equals(fresh.fingerprint())) {
			throw new IdempotencyMismatchException(
					"This Idempotency-Key was sent within the last %d h with another method, path or body"
						.formatted(this.settings.keptFor().toHours()));
		}
		if (!existing.inProgress()) {
			return Optional.of(new Attempt.Replay(existing.answer()));
		}
		if (olderThan(existing, this.settings.abandonedAfter(), now)) {
			return takeOver(existing, fresh);
		}
		throw inProgress();
	}

	private Optional<Attempt> takeOver(IdempotencyRecord existing, IdempotencyRecord fresh) {
		return this.store.replace(existing, fresh) ? Optional.of(new Attempt.Proceed(fresh)) : Optional.empty();
	}

	private static boolean olderThan(IdempotencyRecord record, Duration age, Instant now) {
		return record.startedAt().isBefore(now.minus(age));
	}

	private static ConcurrentChangeException inProgress() {
		return new ConcurrentChangeException(
				"A request with this Idempotency-Key is still being handled; send it again shortly");
	}

	/**
	 * @param keptFor how long a repeat gets the first answer
	 * @param abandonedAfter how long an attempt may be in progress before another may
	 * take it over
	 */
	public record Settings(Duration keptFor, Duration abandonedAfter) {
	}

}
