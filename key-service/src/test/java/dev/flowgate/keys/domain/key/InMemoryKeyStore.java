package dev.flowgate.keys.domain.key;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.flowgate.contracts.KeyStatus;
import dev.flowgate.keys.domain.PageCursor;

/** The store and outbox contracts in memory, for domain tests without MongoDB. */
class InMemoryKeyStore implements KeyStore, KeyOutbox {

	private int useWrites;

	private final Map<String, Entry> entries = new LinkedHashMap<>();

	/** Runs before a replace: lets a test change the key "concurrently". */
	private Runnable beforeReplace = () -> {
	};

	private boolean unreachable;

	/** From now on, the outbox side fails as if the database were gone. */
	void failPublicationBookkeeping() {
		this.unreachable = true;
	}

	void beforeReplace(Runnable action) {
		this.beforeReplace = action;
	}

	ApiKey stored(String keyId) {
		Entry entry = this.entries.get(keyId);
		return (entry != null) ? entry.key : null;
	}

	long publishedVersion(String keyId) {
		return this.entries.get(keyId).publishedVersion;
	}

	boolean isClaimed(String keyId) {
		return this.entries.get(keyId).claimToken != null;
	}

	/** Changes the stored key behind the service's back, as another request would. */
	void changeConcurrently(String keyId) {
		Entry entry = this.entries.get(keyId);
		entry.key = entry.key.rotate(KeySecret.generate(new SecureRandom()), Duration.ZERO, entry.key.createdAt(),
				false);
	}

	@Override
	public void insert(ApiKey key) {
		this.entries.put(key.id(), new Entry(key));
	}

	@Override
	public Optional<ApiKey> findOwned(String ownerId, String keyId) {
		return Optional.ofNullable(stored(keyId)).filter((key) -> key.ownerId().equals(ownerId) && !key.deleted());
	}

	@Override
	public long countOwned(String ownerId) {
		return owned(ownerId).count();
	}

	/** As MongoDB's query: newest first, the id breaking ties. */
	@Override
	public List<ApiKey> findNewestOwned(String ownerId, PageCursor after, int count) {
		return owned(ownerId).sorted(Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::id).reversed())
			.filter((key) -> after == null || key.createdAt().isBefore(after.createdAt())
					|| key.createdAt().equals(after.createdAt()) && key.id().compareTo(after.id()) < 0)
			.limit(count)
			.toList();
	}

	@Override
	public Map<String, Long> countActive(Collection<String> ownerIds, Instant now) {
		return ownerIds.stream()
			.distinct()
			.flatMap(this::owned)
			.filter((key) -> key.status() == KeyStatus.ACTIVE && !key.isExpiredAt(now))
			.collect(Collectors.groupingBy(ApiKey::ownerId, Collectors.counting()));
	}

	private Stream<ApiKey> owned(String ownerId) {
		return this.entries.values()
			.stream()
			.map((entry) -> entry.key)
			.filter((key) -> key.ownerId().equals(ownerId) && !key.deleted());
	}

	@Override
	public boolean replace(ApiKey changed) {
		this.beforeReplace.run();
		Entry entry = this.entries.get(changed.id());
		if (entry == null || entry.key.deleted() || entry.key.version() != changed.version() - 1) {
			return false;
		}
		entry.key = changed;
		return true;
	}

	@Override
	public void recordUse(String keyId, Instant usedAt, Instant usedSince) {
		this.useWrites++;
		Entry entry = this.entries.get(keyId);
		if (entry != null && (entry.key.lastUsedAt() == null || entry.key.lastUsedAt().isBefore(usedSince))) {
			ApiKey key = entry.key;
			entry.key = new ApiKey(key.id(), key.ownerId(), key.name(), key.credential(), key.permissions(),
					key.status(), key.createdAt(), usedAt, key.rotatedAt(), key.version(), key.deleted());
		}
	}

	@Override
	public List<String> pendingKeyIds(Instant now, int limit) {
		return this.entries.entrySet()
			.stream()
			.filter((e) -> e.getValue().isPending() && e.getValue().isFree(now))
			.map(Map.Entry::getKey)
			.limit(limit)
			.toList();
	}

	@Override
	public Optional<PublicationClaim> claim(String keyId, Instant now, Instant until) {
		if (this.unreachable) {
			throw new IllegalStateException("database unreachable");
		}
		Entry entry = this.entries.get(keyId);
		if (entry == null || !entry.isPending() || !entry.isFree(now)) {
			return Optional.empty();
		}
		entry.claimToken = UUID.randomUUID().toString();
		entry.claimedUntil = until;
		return Optional.of(new PublicationClaim(entry.key, entry.claimToken));
	}

	@Override
	public void markPublished(PublicationClaim claim) {
		heldBy(claim).ifPresent((entry) -> {
			entry.publishedVersion = Math.max(entry.publishedVersion, claim.key().version());
			entry.free();
		});
	}

	@Override
	public void release(PublicationClaim claim) {
		heldBy(claim).ifPresent(Entry::free);
	}

	private Optional<Entry> heldBy(PublicationClaim claim) {
		return Optional.ofNullable(this.entries.get(claim.key().id()))
			.filter((entry) -> claim.token().equals(entry.claimToken));
	}

	private static final class Entry {

		private ApiKey key;

		private long publishedVersion;

		private String claimToken;

		private Instant claimedUntil;

		Entry(ApiKey key) {
			this.key = key;
		}

		boolean isPending() {
			return this.publishedVersion < this.key.version();
		}

		boolean isFree(Instant now) {
			return this.claimedUntil == null || this.claimedUntil.isBefore(now);
		}

		void free() {
			this.claimToken = null;
			this.claimedUntil = null;
		}

	}

	/** How often a key's use was written (whether or not it changed anything). */
	int useWrites() {
		return this.useWrites;
	}

}
