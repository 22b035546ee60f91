package dev.flowgate.deployments.domain.idempotency;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Records in a map, replaced and completed only if unchanged, as in MongoDB. */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

	final Map<IdempotencyKey, IdempotencyRecord> stored = new HashMap<>();

	@Override
	public boolean insert(IdempotencyRecord record) {
		return this.stored.putIfAbsent(record.id(), record) == null;
	}

	@Override
	public Optional<IdempotencyRecord> find(IdempotencyKey id) {
		return Optional.ofNullable(this.stored.get(id));
	}

	@Override
	public boolean replace(IdempotencyRecord stale, IdempotencyRecord fresh) {
		return this.stored.replace(stale.id(), stale, fresh);
	}

	@Override
	public void complete(IdempotencyRecord claim, StoredAnswer answer) {
		this.stored.replace(claim.id(), claim,
				new IdempotencyRecord(claim.id(), claim.fingerprint(), claim.startedAt(), answer));
	}

	@Override
	public void release(IdempotencyRecord claim) {
		this.stored.remove(claim.id(), claim);
	}

	@Override
	public long deleteStartedBefore(Instant cutoff) {
		int before = this.stored.size();
		this.stored.values().removeIf((record) -> record.startedAt().isBefore(cutoff));
		return before - this.stored.size();
	}

	@Override
	public int deleteOwned(String ownerId, int limit) {
		List<IdempotencyKey> owned = this.stored.keySet()
			.stream()
			.filter((key) -> key.ownerId().equals(ownerId))
			.limit(limit)
			.toList();
		owned.forEach(this.stored::remove);
		return owned.size();
	}

}
