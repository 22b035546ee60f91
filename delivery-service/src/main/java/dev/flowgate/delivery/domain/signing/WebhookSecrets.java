package dev.flowgate.delivery.domain.signing;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.flowgate.delivery.domain.ExpiringCache;
import dev.flowgate.delivery.domain.InvalidRequestException;

/**
 * One signing secret per owner, created on first use. The owner sees a secret once: the
 * first time they ask for it, and each time they rotate.
 */
public final class WebhookSecrets {

	private static final int CONFLICT_RETRIES = 3;

	private final WebhookSecretStore store;

	private final SecureRandom random;

	private final Settings settings;

	private final Clock clock;

	/** Every attempt signs: the owners' secrets, briefly. */
	private final ExpiringCache<String, OwnerSecret> signing;

	public WebhookSecrets(WebhookSecretStore store, SecureRandom random, Settings settings, Clock clock) {
		this.store = store;
		this.random = random;
		this.settings = settings;
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

	/** The owner's secret, created (not yet shown) when there is none. */
	public OwnerSecret current(String ownerId) {
		Optional<OwnerSecret> existing = this.store.find(ownerId);
		return existing.orElseGet(
				() -> this.store.insertIfAbsent(OwnerSecret.created(ownerId, generate(), this.clock.instant(), false)));
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
				if (this.store.insertIfAbsent(created).current().equals(created.current())) {
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
