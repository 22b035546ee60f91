package dev.flowgate.gateway.domain.key;

import java.time.Duration;
import java.time.Instant;

import dev.flowgate.contracts.KeyScope;
import dev.flowgate.contracts.KeyStatus;
import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.gateway.support.KeyStates;
import dev.flowgate.gateway.support.MutableClock;
import dev.flowgate.gateway.support.TestKeys;
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

	private void assertUnauthenticated(String presented, String messagePart) {
		assertThatThrownBy(() -> this.view.authenticate(presented)).isInstanceOfSatisfying(Rejection.class,
				(rejection) -> {
					assertThat(rejection.reason()).isEqualTo(Rejection.Reason.UNAUTHENTICATED);
					assertThat(rejection.getMessage()).contains(messagePart);
				});
	}

}
