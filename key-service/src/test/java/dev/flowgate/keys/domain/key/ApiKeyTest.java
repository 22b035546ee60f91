package dev.flowgate.keys.domain.key;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import dev.flowgate.contracts.KeyScope;
import dev.flowgate.contracts.KeyStatus;
import dev.flowgate.internal.Setting;
import dev.flowgate.keys.domain.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ApiKeyTest {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	private final SecureRandom random = new SecureRandom();

	private final KeySecret secret = KeySecret.generate(this.random);

	private final ApiKey key = ApiKey.issue("key-1", "owner-1", KeyRequest.of("ci",
			Set.of(KeyScope.RUN, KeyScope.MANAGE), Set.of("dep-1"), NOW.plus(Duration.ofDays(30)), 120), this.secret,
			NOW);

	@Test
	void issuesAnActiveKeyThatStoresOnlyTheHash() {
		assertThat(this.key.status()).isEqualTo(KeyStatus.ACTIVE);
		assertThat(this.key.version()).isEqualTo(1);
		assertThat(this.key.credential().secretHash()).isEqualTo(this.secret.hash());
		assertThat(this.key.credential().hint()).isEqualTo(this.secret.hint());
		assertThat(this.key.toString()).doesNotContain(this.secret.value());
	}

	@Test
	void rejectsAnExpiryThatIsNotInTheFuture() {
		KeyRequest request = KeyRequest.of("old", null, null, NOW, null);

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> ApiKey.issue("key-2", "owner-1", request, this.secret, NOW))
			.satisfies((ex) -> assertThat(ex.fields()).containsExactly("expiresAt"));
	}

	@Test
	void changesNameAndPermissionsButNotTheSecretOrStatus() {
		ApiKey changed = this.key.change(new KeyChanges("renamed", Set.of(KeyScope.RUN), Set.of("dep-1", "dep-2"),
				Setting.to(NOW.plus(Duration.ofDays(1)).plusNanos(1)), Setting.to(60)), NOW);

		assertThat(changed.name()).isEqualTo("renamed");
		assertThat(changed.permissions()).isEqualTo(
				new KeyPermissions(Set.of(KeyScope.RUN), Set.of("dep-1", "dep-2"), NOW.plus(Duration.ofDays(1)), 60));
		assertThat(changed.version()).isEqualTo(this.key.version() + 1);
		assertThat(changed.credential()).isEqualTo(this.key.credential());
		assertThat(changed.status()).isEqualTo(this.key.status());
	}

	@Test
	void keepsWhatAChangeLeavesOutAndRemovesExpiryAndLimitOnRequest() {
		ApiKey renamed = this.key.change(new KeyChanges("renamed", null, null, null, null), NOW);
		ApiKey unlimited = this.key.change(new KeyChanges(null, null, null, Setting.to(null), Setting.to(null)), NOW);

		assertThat(renamed.permissions()).isEqualTo(this.key.permissions());
		assertThat(unlimited.name()).isEqualTo("ci");
		assertThat(unlimited.permissions().expiresAt()).isNull();
		assertThat(unlimited.permissions().rateLimitPerMinute()).isNull();
		assertThat(unlimited.permissions().scopes()).isEqualTo(this.key.permissions().scopes());
	}

	@Test
	void aChangeToTheSameValuesIsNoChange() {
		assertThat(this.key.change(KeyChanges.NONE, NOW)).isSameAs(this.key);
		assertThat(this.key.change(new KeyChanges("ci", null, Set.of("dep-1"), null, Setting.to(120)), NOW))
			.isSameAs(this.key);
	}

	@Test
	void refusesAChangeThatBreaksARule() {
		assertRejected("name", new KeyChanges(" ", null, null, null, null));
		assertRejected("scopes", new KeyChanges(null, Set.of(), null, null, null));
		assertRejected("rateLimitPerMinute", new KeyChanges(null, null, null, null, Setting.to(0)));
		assertRejected("expiresAt", new KeyChanges(null, null, null, Setting.to(NOW), null));
	}

	@Test
	void isExpiredFromItsExpiryOn() {
		Instant expiry = this.key.permissions().expiresAt();

		assertThat(this.key.isExpiredAt(expiry.minusMillis(1))).isFalse();
		assertThat(this.key.isExpiredAt(expiry)).isTrue();
		assertThat(this.key.status()).isEqualTo(KeyStatus.ACTIVE);
	}

	@Test
	void neverExpiresWithoutAnExpiry() {
		ApiKey forever = ApiKey.issue("key-2", "owner-1", KeyRequest.firstKey(), this.secret, NOW);

		assertThat(forever.isExpiredAt(NOW.plus(Duration.ofDays(10_000)))).isFalse();
	}

	@Test
	void deactivatesAndActivatesWithANewVersionEachTime() {
		ApiKey inactive = this.key.deactivate();
		ApiKey active = inactive.activate();

		assertThat(inactive.status()).isEqualTo(KeyStatus.INACTIVE);
		assertThat(inactive.version()).isEqualTo(2);
		assertThat(active.status()).isEqualTo(KeyStatus.ACTIVE);
		assertThat(active.version()).isEqualTo(3);
	}

	@Test
	void treatsARepeatedTransitionAsNoChange() {
		assertThat(this.key.activate()).isSameAs(this.key);
		ApiKey inactive = this.key.deactivate();
		assertThat(inactive.deactivate()).isSameAs(inactive);
	}

	@Test
	void rotationKeepsScopesDeploymentsExpiryAndStatus() {
		ApiKey inactive = this.key.deactivate();
		KeySecret next = KeySecret.generate(this.random);

		ApiKey rotated = inactive.rotate(next, Duration.ZERO, NOW.plusSeconds(60), false);

		assertThat(rotated.permissions()).isEqualTo(this.key.permissions());
		assertThat(rotated.status()).isEqualTo(KeyStatus.INACTIVE);
		assertThat(rotated.credential().secretHash()).isEqualTo(next.hash());
		assertThat(rotated.credential().hint()).isEqualTo(next.hint());
		assertThat(rotated.rotatedAt()).isEqualTo(NOW.plusSeconds(60));
		assertThat(rotated.version()).isEqualTo(inactive.version() + 1);
	}

	@Test
	void rotationWithoutGraceInvalidatesTheOldSecretAtOnce() {
		ApiKey rotated = this.key.rotate(KeySecret.generate(this.random), Duration.ZERO, NOW, false);

		assertThat(rotated.credential().previousSecretHash()).isNull();
		assertThat(rotated.credential().previousSecretValidUntil()).isNull();
	}

	@Test
	void rotationWithGraceKeepsTheOldHashUntilTheGraceEnds() {
		ApiKey rotated = this.key.rotate(KeySecret.generate(this.random), Duration.ofMinutes(10), NOW, false);

		assertThat(rotated.credential().previousSecretHash()).isEqualTo(this.secret.hash());
		assertThat(rotated.credential().previousSecretValidUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
	}

	@Test
	void aSecondRotationEndsTheFirstGracePeriod() {
		KeySecret second = KeySecret.generate(this.random);
		ApiKey once = this.key.rotate(second, Duration.ofHours(1), NOW, false);

		ApiKey twice = once.rotate(KeySecret.generate(this.random), Duration.ofHours(1), NOW.plusSeconds(5), false);

		assertThat(twice.credential().previousSecretHash()).isEqualTo(second.hash()).isNotEqualTo(this.secret.hash());
	}

	@Test
	void acceptsAGracePeriodOfAtMostADay() {
		KeySecret next = KeySecret.generate(this.random);

		assertThat(
				this.key.rotate(next, Duration.ofSeconds(86_400), NOW, false).credential().previousSecretValidUntil())
			.isEqualTo(NOW.plusSeconds(86_400));
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.key.rotate(next, Duration.ofSeconds(86_401), NOW, false))
			.withMessageContaining("gracePeriodSeconds");
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.key.rotate(next, Duration.ofSeconds(-1), NOW, false));
	}

	@Test
	void deletionIsANewVersionFlaggedDeleted() {
		ApiKey deleted = this.key.delete();

		assertThat(deleted.deleted()).isTrue();
		assertThat(deleted.version()).isEqualTo(2);
	}

	private void assertRejected(String field, KeyChanges changes) {
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> this.key.change(changes, NOW))
			.satisfies((ex) -> assertThat(ex.fields()).containsExactly(field));
	}

}
