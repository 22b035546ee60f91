package dev.flowgate.gateway.domain.key;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.flowgate.contracts.KeyScope;
import dev.flowgate.contracts.KeyStatus;
import dev.flowgate.gateway.support.KeyStates;
import dev.flowgate.gateway.support.TestKeys;
import dev.flowgate.infra.test.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Waiting until the key view holds a key as key-service answered it. */
class KeyViewAwaitTest {

	private static final Duration LONG = Duration.ofMinutes(1);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));

	private final KeyView view = new KeyView(this.clock);

	private final String key = TestKeys.newKey();

	private final KeyStates state = KeyStates.active("owner-1", this.key);

	@Test
	void waitsForACreatedKeyWithItsSecret() {
		CompletableFuture<Boolean> applied = this.view
			.awaitApplied(ExpectedKey.of(this.state.keyId()).secret(this.key).status(KeyStatus.ACTIVE), LONG);
		assertThat(applied).isNotDone();

		this.view.apply(this.state.keyId(), this.state.build());

		assertThat(applied).isCompletedWithValue(true);
	}

	@Test
	void waitsForTheNewSecretOfARotation() {
		this.view.apply(this.state.keyId(), this.state.build());
		String rotated = TestKeys.newKey();
		CompletableFuture<Boolean> applied = this.view.awaitApplied(ExpectedKey.of(this.state.keyId()).secret(rotated),
				LONG);

		this.view.apply(this.state.keyId(), this.state.rateLimitPerMinute(5).build());
		assertThat(applied).as("another change of the key").isNotDone();

		this.view.apply(this.state.keyId(), this.state.rotatedTo(rotated, this.clock.instant()).build());
		assertThat(applied).isCompletedWithValue(true);
	}

	@Test
	void comparesOnlyWhatTheAnswerTold() {
		Instant expiry = this.clock.instant().plus(Duration.ofDays(1));
		this.view.apply(this.state.keyId(), this.state.build());
		ExpectedKey changed = ExpectedKey.of(this.state.keyId())
			.status(KeyStatus.ACTIVE)
			.scopes(Set.of(KeyScope.RUN))
			.deploymentIds(Set.of("d-1"))
			.expiresAt(expiry)
			.rateLimitPerMinute(10);
		CompletableFuture<Boolean> applied = this.view.awaitApplied(changed, LONG);

		this.view.apply(this.state.keyId(), this.state.scopes(KeyScope.RUN).deployments("d-1").build());
		assertThat(applied).isNotDone();

		this.view.apply(this.state.keyId(), this.state.expiresAt(expiry).rateLimitPerMinute(10).build());
		assertThat(applied).isCompletedWithValue(true);
		assertThat(this.view.awaitApplied(ExpectedKey.of(this.state.keyId()), LONG)).isCompletedWithValue(true);
	}

	@Test
	void waitsForADeactivation() {
		this.view.apply(this.state.keyId(), this.state.build());
		CompletableFuture<Boolean> applied = this.view
			.awaitApplied(ExpectedKey.of(this.state.keyId()).status(KeyStatus.INACTIVE), LONG);
		assertThat(applied).isNotDone();

		this.view.apply(this.state.keyId(), this.state.status(KeyStatus.INACTIVE).build());

		assertThat(applied).isCompletedWithValue(true);
	}

	@Test
	void waitsForADeletion() {
		this.view.apply(this.state.keyId(), this.state.build());
		CompletableFuture<Boolean> deleted = this.view.awaitDeleted(this.state.keyId(), LONG);
		assertThat(deleted).isNotDone();

		this.view.delete(this.state.keyId(), 2);

		assertThat(deleted).isCompletedWithValue(true);
		assertThat(this.view.awaitDeleted("never-known", LONG)).isCompletedWithValue(true);
	}

	@Test
	void answersFalseWhenTheKeyDoesNotArriveInTime() {
		CompletableFuture<Boolean> applied = this.view.awaitApplied(ExpectedKey.of(this.state.keyId()),
				Duration.ofMillis(50));

		assertThat(applied.join()).isFalse();
	}

}
