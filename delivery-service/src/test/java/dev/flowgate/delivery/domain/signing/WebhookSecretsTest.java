package dev.flowgate.delivery.domain.signing;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.flowgate.delivery.domain.InvalidRequestException;
import dev.flowgate.delivery.domain.MovingClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WebhookSecretsTest {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	private static final Duration SIGNING_CACHE_TTL = Duration.ofSeconds(2);

	private final InMemorySecretStore store = new InMemorySecretStore();

	private final WebhookSecrets secrets = secretsAt(NOW);

	@Test
	void createsASecretOnFirstUseWithoutShowingIt() {
		SigningKeys keys = this.secrets.keysFor("owner-1");

		assertThat(keys.previous()).isNull();
		assertThat(this.store.find("owner-1")).hasValueSatisfying((secret) -> {
			assertThat(secret.current()).isEqualTo(keys.current());
			assertThat(secret.revealed()).isFalse();
		});
	}

	@Test
	void theFirstRotationShowsTheSecretAlreadyInUse() {
		WebhookSecret inUse = this.secrets.keysFor("owner-1").current();

		IssuedSecret shown = this.secrets.rotate("owner-1", null);

		assertThat(shown.rotated()).isFalse();
		assertThat(shown.secret()).isEqualTo(inUse);
		assertThat(shown.state().revealed()).isTrue();
	}

	@Test
	void aRotationKeepsThePreviousSecretSigningForTheOverlap() {
		WebhookSecret first = this.secrets.rotate("owner-1", null).secret();

		IssuedSecret second = this.secrets.rotate("owner-1", Duration.ofMinutes(10));

		assertThat(second.rotated()).isTrue();
		assertThat(second.secret()).isNotEqualTo(first);
		assertThat(secretsAt(NOW.plus(Duration.ofMinutes(9))).keysFor("owner-1"))
			.isEqualTo(new SigningKeys(second.secret(), first));
		assertThat(secretsAt(NOW.plus(Duration.ofMinutes(10))).keysFor("owner-1"))
			.isEqualTo(new SigningKeys(second.secret(), null));
	}

	@Test
	void usesTheDefaultOverlapWhenNoneIsGiven() {
		this.secrets.rotate("owner-1", null);

		IssuedSecret rotated = this.secrets.rotate("owner-1", null);

		assertThat(rotated.state().previousValidUntil()).isEqualTo(NOW.plus(Duration.ofHours(24)));
	}

	@Test
	void rejectsAnOverlapOutOfRange() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.secrets.rotate("owner-1", Duration.ofSeconds(-1)))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("overlapSeconds"));
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.secrets.rotate("owner-1", Duration.ofDays(8)));
	}

	@Test
	void aRotationHereSignsWithTheNewSecretAtOnce() {
		this.secrets.rotate("owner-1", null);
		this.secrets.keysFor("owner-1");

		IssuedSecret rotated = this.secrets.rotate("owner-1", Duration.ZERO);

		assertThat(this.secrets.keysFor("owner-1")).isEqualTo(new SigningKeys(rotated.secret(), null));
	}

	@Test
	void aRotationByAnotherInstanceSignsHereWithinTheTimeToLive() {
		MovingClock clock = new MovingClock(NOW);
		WebhookSecrets here = secrets(clock);
		WebhookSecrets elsewhere = secrets(clock);
		elsewhere.rotate("owner-1", null);
		here.keysFor("owner-1");

		IssuedSecret rotated = elsewhere.rotate("owner-1", Duration.ZERO);
		clock.advance(SIGNING_CACHE_TTL);

		assertThat(here.keysFor("owner-1")).isEqualTo(new SigningKeys(rotated.secret(), null));
	}

	private WebhookSecrets secretsAt(Instant now) {
		return secrets(Clock.fixed(now, ZoneOffset.UTC));
	}

	private WebhookSecrets secrets(Clock clock) {
		return new WebhookSecrets(this.store, new SecureRandom(),
				new WebhookSecrets.Settings(32, Duration.ofHours(24), Duration.ofDays(7), SIGNING_CACHE_TTL), clock);
	}

}
