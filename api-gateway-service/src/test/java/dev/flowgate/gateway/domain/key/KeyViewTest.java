package dev.flowgate.gateway.domain.key;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import dev.flowgate.contracts.KeyScope;
import dev.flowgate.contracts.KeyStateChanged;
import dev.flowgate.contracts.KeyStatus;
import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.gateway.support.KeyStates;
import dev.flowgate.gateway.support.TestKeys;
import dev.flowgate.infra.test.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyViewTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));

	private final KeyView view = new KeyView(this.clock);

	private final String key = TestKeys.newKey();

	private final KeyStates state = KeyStates.active("owner-1", this.key);

	@Test
	void authenticatesAnActiveKey() {
		this.view.apply(this.state.keyId(), this.state.deployments("d-1").build());

		Caller caller = this.view.authenticate(this.key);

		assertThat(caller.keyId()).isEqualTo(this.state.keyId());
		assertThat(caller.ownerId()).isEqualTo("owner-1");
		assertThat(caller.mayUse("d-1")).isTrue();
		assertThat(caller.mayUse("d-2")).isFalse();
	}

	@Test
	void authenticatesAKeyByTheHashKeyServicePublishesForIt() {
		// key-service's generator over the bytes 0..31, and its hash (KeySecretTest): the
		// key put together at run time from its body and checksum.
		byte[] counting = new byte[32];
		for (int i = 0; i < counting.length; i++) {
			counting[i] = (byte) i;
		}
		String issued = "sk-" + Base64.getUrlEncoder().withoutPadding().encodeToString(counting) + "76rsaQ";
		String published = "ba2744b270cc3b7085f2dde42066eb31aca8291e47c47351905c6a98afb2ea1b";
		this.view.apply(this.state.keyId(), secretHash(this.state.build(), published));

		assertThat(this.view.authenticate(issued).keyId()).isEqualTo(this.state.keyId());
	}

	@Test
	void rejectsMissingMalformedAndUnknownKeys() {
		this.view.apply(this.state.keyId(), this.state.build());

		assertUnauthenticated(null, "required");
		assertUnauthenticated("sk-short", "malformed");
		assertUnauthenticated(TestKeys.newKey(), "not valid");
	}

	@Test
	void rejectsAnInactiveKey() {
		this.view.apply(this.state.keyId(), this.state.status(KeyStatus.INACTIVE).build());

		assertUnauthenticated(this.key, "inactive");
	}

	@Test
	void rejectsAnExpiredKey() {
		this.view.apply(this.state.keyId(), this.state.expiresAt(this.clock.instant().plusSeconds(60)).build());
		this.view.authenticate(this.key);

		this.clock.advance(Duration.ofSeconds(60));

		assertUnauthenticated(this.key, "expired");
	}

	@Test
	void rejectsADeletedKey() {
		this.view.apply(this.state.keyId(), this.state.build());

		this.view.apply(this.state.keyId(), null);

		assertUnauthenticated(this.key, "not valid");
		assertThat(this.view.size()).isZero();
	}

	@Test
	void ignoresAnOlderStateThatArrivesAfterANewerOne() {
		this.view.apply(this.state.keyId(), version(this.state.status(KeyStatus.INACTIVE).build(), 2));

		boolean applied = this.view.apply(this.state.keyId(), version(this.state.status(KeyStatus.ACTIVE).build(), 1));

		assertThat(applied).isFalse();
		assertUnauthenticated(this.key, "inactive");
	}

	@Test
	void ignoresAStaleActiveStateAfterATombstoneWithAHigherVersion() {
		this.view.apply(this.state.keyId(), version(this.state.build(), 1));
		this.view.delete(this.state.keyId(), 3);

		boolean applied = this.view.apply(this.state.keyId(), version(this.state.build(), 2));

		assertThat(applied).isFalse();
		assertUnauthenticated(this.key, "not valid");
		assertThat(this.view.size()).isZero();
	}

	@Test
	void remembersADeletionOnlyAsLongAsTheTopicKeepsItsTombstone() {
		KeyView view = new KeyView(this.clock, Duration.ofDays(1));
		view.delete(this.state.keyId(), 3);
		this.clock.advance(Duration.ofHours(23));
		assertThat(view.apply(this.state.keyId(), version(this.state.build(), 2))).isFalse();

		this.clock.advance(Duration.ofHours(1));

		assertThat(view.apply(this.state.keyId(), version(this.state.build(), 2))).isTrue();
	}

	@Test
	void ignoresAStateOfTheVersionAlreadyApplied() {
		this.view.apply(this.state.keyId(), version(this.state.status(KeyStatus.INACTIVE).build(), 2));

		boolean applied = this.view.apply(this.state.keyId(), version(this.state.status(KeyStatus.ACTIVE).build(), 2));

		assertThat(applied).isFalse();
		assertUnauthenticated(this.key, "inactive");
	}

	@Test
	void ignoresAStaleStateAfterATombstoneWithoutAVersion() {
		this.view.apply(this.state.keyId(), version(this.state.build(), 3));
		this.view.apply(this.state.keyId(), null);

		assertThat(this.view.apply(this.state.keyId(), version(this.state.build(), 3))).isFalse();
		assertThat(this.view.size()).isZero();
		assertThat(this.view.apply(this.state.keyId(), version(this.state.build(), 4))).isTrue();
	}

	@Test
	void stillIgnoresAnOlderStateAfterADeletionAndAStateWithoutAVersion() {
		this.view.delete(this.state.keyId(), 3);
		this.view.apply(this.state.keyId(), this.state.build());
		this.view.apply(this.state.keyId(), null);

		assertThat(this.view.apply(this.state.keyId(), version(this.state.build(), 2))).isFalse();
		assertUnauthenticated(this.key, "not valid");
	}

	@Test
	void remembersARepeatedDeletionFromItsLatestTombstone() {
		KeyView view = new KeyView(this.clock, Duration.ofDays(1));
		KeyStates other = KeyStates.active("owner-1", TestKeys.newKey());
		view.delete(this.state.keyId(), 3);
		this.clock.advance(Duration.ofHours(1));
		view.delete(other.keyId(), 3);
		this.clock.advance(Duration.ofHours(1));
		view.delete(this.state.keyId(), 3);

		this.clock.advance(Duration.ofDays(1).minusHours(1));

		assertThat(view.apply(other.keyId(), version(other.build(), 2))).as("deleted a day ago").isTrue();
		assertThat(view.apply(this.state.keyId(), version(this.state.build(), 2))).as("deleted again since").isFalse();
	}

	@Test
	void appliesStatesWithoutAVersionInTheOrderTheyArrive() {
		this.view.apply(this.state.keyId(), version(this.state.status(KeyStatus.INACTIVE).build(), 2));
		this.view.apply(this.state.keyId(), this.state.status(KeyStatus.ACTIVE).build());
		assertThat(this.view.authenticate(this.key).keyId()).isEqualTo(this.state.keyId());

		this.view.apply(this.state.keyId(), this.state.status(KeyStatus.INACTIVE).build());

		assertUnauthenticated(this.key, "inactive");
	}

	@Test
	void stillIgnoresAnOlderVersionAfterAStateWithoutOne() {
		this.view.apply(this.state.keyId(), version(this.state.status(KeyStatus.INACTIVE).build(), 2));
		this.view.apply(this.state.keyId(), this.state.build());

		assertThat(this.view.apply(this.state.keyId(), version(this.state.build(), 1))).isFalse();
	}

	@Test
	void appliesANewerStateAfterAnOlderOne() {
		this.view.apply(this.state.keyId(), version(this.state.build(), 1));

		this.view.apply(this.state.keyId(), version(this.state.status(KeyStatus.INACTIVE).build(), 2));

		assertUnauthenticated(this.key, "inactive");
	}

	@Test
	void acceptsTheOldSecretOfARotatedKeyOnlyDuringItsGracePeriod() {
		this.view.apply(this.state.keyId(), this.state.build());
		String newKey = TestKeys.newKey();

		this.view.apply(this.state.keyId(),
				this.state.rotatedTo(newKey, this.clock.instant().plus(Duration.ofMinutes(5))).build());

		assertThat(this.view.authenticate(newKey).keyId()).isEqualTo(this.state.keyId());
		assertThat(this.view.authenticate(this.key).keyId()).isEqualTo(this.state.keyId());
		this.clock.advance(Duration.ofMinutes(5));
		assertUnauthenticated(this.key, "rotated");
		assertThat(this.view.authenticate(newKey).keyId()).isEqualTo(this.state.keyId());
	}

	@Test
	void tellsWhetherACallerUsedTheSecretARotationReplaced() {
		this.view.apply(this.state.keyId(), this.state.build());
		String newKey = TestKeys.newKey();

		this.view.apply(this.state.keyId(),
				this.state.rotatedTo(newKey, this.clock.instant().plus(Duration.ofMinutes(5))).build());

		assertThat(this.view.authenticate(newKey).previousSecret()).isFalse();
		assertThat(this.view.authenticate(this.key).previousSecret()).isTrue();
	}

	@Test
	void forgetsTheOldSecretOnceARotationDropsIt() {
		this.view.apply(this.state.keyId(), this.state.build());
		String second = TestKeys.newKey();
		String third = TestKeys.newKey();
		this.view.apply(this.state.keyId(), this.state.rotatedTo(second, this.clock.instant().plusSeconds(60)).build());

		this.view.apply(this.state.keyId(), this.state.rotatedTo(third, this.clock.instant().plusSeconds(60)).build());

		assertUnauthenticated(this.key, "not valid");
		assertThat(this.view.authenticate(second).keyId()).isEqualTo(this.state.keyId());
		assertThat(this.view.authenticate(third).keyId()).isEqualTo(this.state.keyId());
	}

	@Test
	void refusesAScopeTheKeyLacks() {
		this.view.apply(this.state.keyId(), this.state.scopes(KeyScope.RUN).build());
		Caller caller = this.view.authenticate(this.key);

		caller.requireScope(KeyScope.RUN);

		assertThatThrownBy(() -> caller.requireScope(KeyScope.MANAGE)).isInstanceOfSatisfying(Rejection.class,
				(rejection) -> {
					assertThat(rejection.reason()).isEqualTo(Rejection.Reason.FORBIDDEN);
					assertThat(rejection.getMessage()).contains("'manage'");
				});
	}

	private static KeyStateChanged version(KeyStateChanged state, long version) {
		return new KeyStateChanged(state.eventId(), state.schemaVersion(), state.occurredAt(), state.keyId(),
				state.ownerId(), state.name(), state.hint(), state.secretHash(), state.previousSecretHash(),
				state.previousSecretValidUntil(), state.scopes(), state.deploymentIds(), state.expiresAt(),
				state.rateLimitPerMinute(), state.status(), version);
	}

	private static KeyStateChanged secretHash(KeyStateChanged state, String secretHash) {
		return new KeyStateChanged(state.eventId(), state.schemaVersion(), state.occurredAt(), state.keyId(),
				state.ownerId(), state.name(), state.hint(), secretHash, state.previousSecretHash(),
				state.previousSecretValidUntil(), state.scopes(), state.deploymentIds(), state.expiresAt(),
				state.rateLimitPerMinute(), state.status(), state.version());
	}

	private void assertUnauthenticated(String presented, String messagePart) {
		assertThatThrownBy(() -> this.view.authenticate(presented)).isInstanceOfSatisfying(Rejection.class,
				(rejection) -> {
					assertThat(rejection.reason()).isEqualTo(Rejection.Reason.UNAUTHENTICATED);
					assertThat(rejection.getMessage()).contains(messagePart);
				});
	}

}
