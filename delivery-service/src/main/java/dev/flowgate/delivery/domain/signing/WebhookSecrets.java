package dev.flowgate.delivery.domain.signing;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.flowgate.delivery.domain.ExpiringCache;
import dev.flowgate.delivery.domain.InvalidRequestException;
import dev.flowgate.delivery.domain.owner.ErasedOwners;
import dev.flowgate.delivery.domain.owner.OwnerErasedException;

/**
 * One signing secret per owner, created on first use. The owner sees a secret once: the
 * first time they ask for it, and each time they rotate. An erased owner gets none again.
 */
public final class WebhookSecrets {

	private static final int CONFLICT_RETRIES = 3;

	private final WebhookSecretStore store;

	private final SecureRandom random;

	private final Settings settings;

	private final ErasedOwners erased;

	private final Clock clock;

	/** Every attempt signs: the owners' secrets, briefly. */
	private final ExpiringCache<String, OwnerSecret> signing;

	public WebhookSecrets(WebhookSecretStore store, SecureRandom random, Settings settings, ErasedOwners erased,
			Clock clock) {
		this.store = store;
		this.random = random;
		this.settings = settings;
		this.erased = erased;
		this.clock = clock;
		this.signing = new ExpiringCache<>(settings.signingCacheTtl(), clock);
	}

	/**
	 * What to sign an owner's webhooks with now. A rotation made here applies at once;
	 * one made by another instance within the signing cache's time to live.
	 */
	public SigningKeys keysFor(String ownerId) {
		return this.signing.get(ownerId, this::current).keysAt(this.clock.instant());
	}

	/**
	 * The owner's secret, created (not yet shown) when there is none.
	 * @throws OwnerErasedException for an erased owner that has none
	 */
	public OwnerSecret current(String ownerId) {
		Optional<OwnerSecret> existing = this.store.find(ownerId);
		return existing.orElseGet(() -> insert(OwnerSecret.created(ownerId, generate(), this.clock.instant(), false)));
	}

	/**
	 * Shows the owner's secret: the existing one if nobody has seen it yet, otherwise a
	 * new one, with the old one still signing for the overlap.
	 * @param overlap {@code null} for the default
	 */
	public IssuedSecret rotate(String ownerId, Duration overlap) {
		Duration window = validOverlap(overlap);
		for (int i = 0; i < CONFLICT_RETRIES; i++) {
			Instant now = this.clock.instant();
			Optional<OwnerSecret> existing = this.store.find(ownerId);
			if (existing.isEmpty()) {
				OwnerSecret created = OwnerSecret.created(ownerId, generate(), now, true);
				if (insert(created).current().equals(created.current())) {
					return new IssuedSecret(created, false);
				}
				continue;
			}
			OwnerSecret before = existing.get();
			OwnerSecret next = before.revealed() ? before.rotate(generate(), now, window) : before.reveal();
			if (this.store.replace(next)) {
				this.signing.invalidate(ownerId);
				return new IssuedSecret(next, before.revealed());
			}
		}
		throw new ConcurrentSecretChangeException();
	}

	/**
	 * Deletes the owner's secret (its owner is erased); signing here stops using it at
	 * once.
	 * @return whether there was one
	 */
	public boolean forget(String ownerId) {
		boolean deleted = this.store.delete(ownerId);
		this.signing.invalidate(ownerId);
		return deleted;
	}

	/**
	 * Stores a new secret unless the owner was erased, which is read after the insert: an
	 * erasure running meanwhile (an attempt in flight signing, an API call) either
	 * deletes it or is seen here.
	 */
	private OwnerSecret insert(OwnerSecret created) {
		OwnerSecret stored = this.store.insertIfAbsent(created);
		if (this.erased.isErasedNow(created.ownerId())) {
			// Not cached: loading for signing stops at the exception.
			this.store.delete(created.ownerId());
			throw new OwnerErasedException(created.ownerId());
		}
		return stored;
	}

	private Duration validOverlap(Duration overlap) {
		if (overlap == null) {
			return this.settings.defaultOverlap();
		}
		if (overlap.isNegative() || overlap.compareTo(this.settings.maxOverlap()) > 0) {
			throw new InvalidRequestException("overlapSeconds",
					"must be between 0 and " + this.settings.maxOverlap().toSeconds());
		}
		return overlap;
	}

	private WebhookSecret generate() {
		return WebhookSecret.generate(this.random, this.settings.keyBytes());
	}

	/**
	 * @param keyBytes random bytes per secret
	 * @param defaultOverlap how long the previous secret keeps signing after a rotation
	 * that names no overlap
	 * @param maxOverlap the longest overlap an owner may ask for
	 * @param signingCacheTtl how long a secret read for signing is used without reading
	 * it again
	 */
	public record Settings(int keyBytes, Duration defaultOverlap, Duration maxOverlap, Duration signingCacheTtl) {
	}

}
