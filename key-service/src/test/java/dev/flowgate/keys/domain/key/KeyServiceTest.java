package dev.flowgate.keys.domain.key;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import dev.flowgate.contracts.KeyScope;
import dev.flowgate.contracts.KeyStatus;
import dev.flowgate.infra.test.MutableClock;
import dev.flowgate.internal.Setting;
import dev.flowgate.keys.domain.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class KeyServiceTest {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00.123456Z");

	private static final int KEYS_PER_OWNER = 3;

	private static final Duration SELF_ROTATION_GRACE = InMemoryKeys.SELF_ROTATION_GRACE;

	private final MutableClock clock = new MutableClock(NOW);

	private final InMemoryKeys domain = new InMemoryKeys(this.clock, KEYS_PER_OWNER);

	private final InMemoryKeyStore store = this.domain.store();

	private final RecordingPublisher publisher = this.domain.publisher();

	private final InMemoryDeploymentDirectory deployments = this.domain.deployments();

	private final KeyIssuer issuer = this.domain.issuer();

	private final KeyService keys = this.domain.keys();

	@Test
	void changesAKeyAndPublishesIt() {
		String keyId = this.issuer.issue("owner-1", KeyRequest.firstKey()).key().id();

		ApiKey changed = this.keys.change("owner-1", keyId, new KeyChanges("renamed", null, null, null, Setting.to(30)),
				null);

		assertThat(this.store.stored(keyId)).isEqualTo(changed);
		assertThat(changed.permissions().rateLimitPerMinute()).isEqualTo(30);
		assertThat(this.publisher.sent()).last().isEqualTo(changed);
	}

	@Test
	void asksOnlyAboutTheDeploymentsAChangeAdds() {
		this.deployments.add("owner-1", "dep-1");
		String keyId = this.issuer.issue("owner-1", scopedTo("dep-1")).key().id();
		this.deployments.add("owner-1", "dep-2");

		// dep-1 may be gone since: it stays on the key without a question.
		ApiKey changed = this.keys.change("owner-1", keyId,
				new KeyChanges(null, null, Set.of("dep-1", "dep-2"), null, null), null);

		assertThat(changed.permissions().deploymentIds()).containsExactlyInAnyOrder("dep-1", "dep-2");
		assertThat(this.deployments.asked()).containsExactly(Set.of("dep-1"), Set.of("dep-2"));
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.keys.change("owner-1", keyId,
					new KeyChanges(null, null, Set.of("dep-1", "nope"), null, null), null))
			.withMessageEndingWith("names no deployment of yours: nope");
		assertThat(this.store.stored(keyId).permissions().deploymentIds()).containsExactlyInAnyOrder("dep-1", "dep-2");
	}

	@Test
	void hidesAnotherOwnersKey() {
		String keyId = this.issuer.issue("owner-1", KeyRequest.firstKey()).key().id();

		assertThatExceptionOfType(KeyNotFoundException.class).isThrownBy(() -> this.keys.get("owner-2", keyId));
		assertThatExceptionOfType(KeyNotFoundException.class).isThrownBy(() -> this.keys.deactivate("owner-2", keyId));
		assertThat(this.store.stored(keyId).status()).isEqualTo(KeyStatus.ACTIVE);
	}

	@Test
	void doesNotPublishATransitionThatChangesNothing() {
		String keyId = this.issuer.issue("owner-1", KeyRequest.firstKey()).key().id();

		ApiKey same = this.keys.activate("owner-1", keyId);

		assertThat(same.version()).isEqualTo(1);
		assertThat(this.publisher.sent()).hasSize(1);
	}

	@Test
	void retriesAChangeThatRacedWithAnother() {
		String keyId = this.issuer.issue("owner-1", KeyRequest.firstKey()).key().id();
		this.store.beforeReplace(() -> {
			this.store.beforeReplace(() -> {
			});
			this.store.changeConcurrently(keyId);
		});

		ApiKey deactivated = this.keys.deactivate("owner-1", keyId);

		assertThat(deactivated.version()).isEqualTo(3);
		assertThat(this.store.stored(keyId).status()).isEqualTo(KeyStatus.INACTIVE);
	}

	@Test
	void givesUpWhenTheKeyKeepsChanging() {
		String keyId = this.issuer.issue("owner-1", KeyRequest.firstKey()).key().id();
		this.store.beforeReplace(() -> this.store.changeConcurrently(keyId));

		assertThatExceptionOfType(ConcurrentKeyChangeException.class)
			.isThrownBy(() -> this.keys.deactivate("owner-1", keyId));
	}

	@Test
	void refusesAnExpiringLimitedKeyRemovingOrExtendingItsOwnExpiryOrLimit() {
		Instant contractEnd = NOW.plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS);
		String contractorId = contractorKey(contractEnd, 10);

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.keys.change("owner-1", contractorId,
					new KeyChanges(null, null, null, Setting.to(null), null), contractorId))
			.satisfies((ex) -> assertThat(ex.fields()).containsExactly("expiresAt"));
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.keys.change("owner-1", contractorId,
					new KeyChanges(null, null, null, Setting.to(contractEnd.plusSeconds(1)), null), contractorId))
			.satisfies((ex) -> assertThat(ex.fields()).containsExactly("expiresAt"));
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.keys.change("owner-1", contractorId,
					new KeyChanges(null, null, null, null, Setting.to(null)), contractorId))
			.satisfies((ex) -> assertThat(ex.fields()).containsExactly("rateLimitPerMinute"));
		assertThat(this.store.stored(contractorId).version()).isEqualTo(1);
	}

	@Test
	void letsABoundKeyChangeAnotherKeyWithinItsBounds() {
		Instant contractEnd = NOW.plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS);
		String contractorId = contractorKey(contractEnd, 10);
		String otherId = this.issuer.issue("owner-1", KeyRequest.firstKey()).key().id();

		ApiKey changed = this.keys.change("owner-1", otherId,
				new KeyChanges("renamed", null, null, Setting.to(contractEnd), Setting.to(10)), contractorId);

		assertThat(changed.permissions().expiresAt()).isEqualTo(contractEnd);
		assertThat(changed.permissions().rateLimitPerMinute()).isEqualTo(10);
	}

	@Test
	void rotationReturnsTheNewSecretOnce() {
		IssuedKey first = this.issuer.issue("owner-1", KeyRequest.firstKey());

		IssuedKey rotated = this.keys.rotate("owner-1", first.key().id(), Duration.ofSeconds(30), null, false);

		assertThat(rotated.secret().value()).isNotEqualTo(first.secret().value());
		assertThat(this.store.stored(first.key().id()).credential().secretHash()).isEqualTo(rotated.secret().hash());
		assertThat(this.store.stored(first.key().id()).credential().previousSecretHash())
			.isEqualTo(first.secret().hash());
	}

	@Test
	void keepsTheOldSecretForTheSelfRotationGraceWhenAKeyRotatesItselfWithoutAskingForOne() {
		IssuedKey first = this.issuer.issue("owner-1", KeyRequest.firstKey());
		String keyId = first.key().id();

		this.keys.rotate("owner-1", keyId, null, keyId, false);

		KeyCredential credential = this.store.stored(keyId).credential();
		assertThat(credential.previousSecretHash()).isEqualTo(first.secret().hash());
		assertThat(credential.previousSecretValidUntil())
			.isEqualTo(NOW.truncatedTo(ChronoUnit.MILLIS).plus(SELF_ROTATION_GRACE));
	}

	@Test
	void keepsTheSecretTheCallerHoldsWhenAKeyRotatesItselfAgainWithItsPreviousSecret() {
		IssuedKey first = this.issuer.issue("owner-1", KeyRequest.firstKey());
		String keyId = first.key().id();
		IssuedKey lost = this.keys.rotate("owner-1", keyId, null, keyId, false);

		IssuedKey retried = this.keys.rotate("owner-1", keyId, null, keyId, true);

		KeyCredential credential = this.store.stored(keyId).credential();
		assertThat(credential.secretHash()).isEqualTo(retried.secret().hash());
		assertThat(credential.previousSecretHash()).as("the first secret, the one the caller still holds")
			.isEqualTo(first.secret().hash())
			.isNotEqualTo(lost.secret().hash());
		assertThat(credential.previousSecretValidUntil())
			.isEqualTo(NOW.truncatedTo(ChronoUnit.MILLIS).plus(SELF_ROTATION_GRACE));
	}

	@Test
	void keepsTheCurrentSecretWhenAnotherKeyRotatesAKeyWithItsPreviousSecret() {
		IssuedKey first = this.issuer.issue("owner-1", KeyRequest.firstKey());
		String keyId = first.key().id();
		IssuedKey second = this.keys.rotate("owner-1", keyId, Duration.ofMinutes(5), keyId, false);

		this.keys.rotate("owner-1", keyId, Duration.ofMinutes(5), "another-key", true);

		assertThat(this.store.stored(keyId).credential().previousSecretHash()).isEqualTo(second.secret().hash());
	}

	@Test
	void endsTheOldSecretAtOnceWhenAKeyRotatesItselfAskingForNoGrace() {
		String keyId = this.issuer.issue("owner-1", KeyRequest.firstKey()).key().id();

		this.keys.rotate("owner-1", keyId, Duration.ZERO, keyId, false);

		assertThat(this.store.stored(keyId).credential().previousSecretHash()).isNull();
		assertThat(this.store.stored(keyId).credential().previousSecretValidUntil()).isNull();
	}

	@Test
	void honoursAShorterGracePeriodAKeyRotatingItselfAsksFor() {
		String keyId = this.issuer.issue("owner-1", KeyRequest.firstKey()).key().id();

		this.keys.rotate("owner-1", keyId, Duration.ofSeconds(5), keyId, false);

		assertThat(this.store.stored(keyId).credential().previousSecretValidUntil())
			.isEqualTo(NOW.truncatedTo(ChronoUnit.MILLIS).plusSeconds(5));
	}

	@Test
	void endsTheOldSecretAtOnceWhenAnotherKeyRotatesItWithoutAskingForGrace() {
		String keyId = this.issuer.issue("owner-1", KeyRequest.firstKey()).key().id();

		this.keys.rotate("owner-1", keyId, null, "another-key", false);

		assertThat(this.store.stored(keyId).credential().previousSecretHash()).isNull();
	}

	@Test
	void keepsALongerGracePeriodAKeyRotatingItselfAsksFor() {
		String keyId = this.issuer.issue("owner-1", KeyRequest.firstKey()).key().id();

		this.keys.rotate("owner-1", keyId, Duration.ofMinutes(5), keyId, false);

		assertThat(this.store.stored(keyId).credential().previousSecretValidUntil())
			.isEqualTo(NOW.truncatedTo(ChronoUnit.MILLIS).plus(Duration.ofMinutes(5)));
	}

	@Test
	void endsTheOldSecretAtOnceWhenAnotherKeyRotatesItWithoutGrace() {
		String keyId = this.issuer.issue("owner-1", KeyRequest.firstKey()).key().id();
		String otherKeyId = this.issuer.issue("owner-1", KeyRequest.firstKey()).key().id();

		this.keys.rotate("owner-1", keyId, Duration.ZERO, otherKeyId, false);

		assertThat(this.store.stored(keyId).credential().previousSecretHash()).isNull();
		assertThat(this.store.stored(keyId).credential().previousSecretValidUntil()).isNull();
	}

	@Test
	void answersWithTheRotatedSecretEvenIfPublishingFailsOutright() {
		IssuedKey first = this.issuer.issue("owner-1", KeyRequest.firstKey());
		this.store.failPublicationBookkeeping();

		IssuedKey rotated = this.keys.rotate("owner-1", first.key().id(), Duration.ZERO, null, false);

		assertThat(this.store.stored(first.key().id()).credential().secretHash()).isEqualTo(rotated.secret().hash());
		assertThat(this.store.publishedVersion(first.key().id())).isEqualTo(1);
	}

	private String contractorKey(Instant expiresAt, Integer rateLimitPerMinute) {
		return this.issuer
			.issue("owner-1", KeyRequest.of("contractor", Set.of(KeyScope.MANAGE), null, expiresAt, rateLimitPerMinute))
			.key()
			.id();
	}

	private static KeyRequest scopedTo(String... deploymentIds) {
		return KeyRequest.of("scoped", Set.of(KeyScope.RUN), Set.of(deploymentIds), null, null);
	}

}
