package dev.flowgate.delivery.domain.signing;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.standardwebhooks.Webhook;

import dev.flowgate.delivery.domain.InvalidRequestException;
import dev.flowgate.delivery.domain.owner.ErasedOwners;
import dev.flowgate.delivery.domain.owner.InMemoryErasedOwnerStore;
import dev.flowgate.delivery.domain.owner.OwnerErasedException;
import dev.flowgate.infra.test.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WebhookSecretsTest {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	private static final Duration SIGNING_CACHE_TTL = Duration.ofSeconds(2);

	private static final String MESSAGE_ID = "msg-1";

	private static final String BODY = "{\"type\":\"execution.completed\"}";

	private final InMemorySecretStore store = new InMemorySecretStore();

	private final InMemoryErasedOwnerStore erasedOwners = new InMemoryErasedOwnerStore();

	private final WebhookSecrets secrets = secretsAt(NOW);

	@Test
	void createsASecretOnFirstUseWithoutShowingIt() {
		SigningKeys keys = this.secrets.keysFor("owner-1");

		assertThat(keys.previous()).isEmpty();
		assertThat(this.store.find("owner-1")).hasValueSatisfying((secret) -> {
			assertThat(secret.current()).isEqualTo(keys.current());
			assertThat(secret.revealed()).isFalse();
		});
	}

	@Test
	void anErasedOwnerGetsNoSecretAgainNeitherToSignWithNorToShow() {
		this.erasedOwners.add("owner-1", NOW);

		assertThatExceptionOfType(OwnerErasedException.class).isThrownBy(() -> this.secrets.keysFor("owner-1"));
		assertThatExceptionOfType(OwnerErasedException.class).isThrownBy(() -> this.secrets.current("owner-1"));
		assertThatExceptionOfType(OwnerErasedException.class).isThrownBy(() -> this.secrets.rotate("owner-1", null));

		assertThat(this.store.find("owner-1")).isEmpty();
		assertThat(this.secrets.keysFor("owner-2").current()).isNotNull();
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
			.isEqualTo(new SigningKeys(second.secret(), List.of(first)));
		assertThat(secretsAt(NOW.plus(Duration.ofMinutes(10))).keysFor("owner-1"))
			.isEqualTo(new SigningKeys(second.secret(), null));
	}

	@Test
	void aSecondRotationWithinTheOverlapKeepsTheOlderSecretSigningUntilItsOwnDeadline() throws Exception {
		WebhookSecret a = this.secrets.rotate("owner-1", null).secret();
		WebhookSecret b = this.secrets.rotate("owner-1", Duration.ofHours(24)).secret();
		Instant aDeadline = NOW.plus(Duration.ofHours(24));

		WebhookSecret c = secretsAt(NOW.plus(Duration.ofHours(1))).rotate("owner-1", Duration.ofHours(24)).secret();

		// Each signature as the Standard Webhooks reference library makes it with that
		// secret: a receiver holding any of them accepts the callback.
		for (Instant at : List.of(NOW.plus(Duration.ofHours(2)), aDeadline.minusSeconds(1))) {
			assertThat(signaturesAt(at)).as("at %s", at)
				.containsExactly(signedWith(c, at), signedWith(b, at), signedWith(a, at));
		}
		assertThat(signaturesAt(aDeadline)).containsExactly(signedWith(c, aDeadline), signedWith(b, aDeadline));
		Instant bDeadline = NOW.plus(Duration.ofHours(25));
		assertThat(signaturesAt(bDeadline)).containsExactly(signedWith(c, bDeadline));
	}

	@Test
	void keepsAFewEarlierSecretsAtMostDroppingTheOldest() {
		List<WebhookSecret> issued = new ArrayList<>();
		for (int i = 0; i <= OwnerSecret.MAX_PREVIOUS + 1; i++) {
			issued.add(secretsAt(NOW.plusSeconds(i)).rotate("owner-1", null).secret());
		}

		SigningKeys keys = secretsAt(NOW.plusSeconds(issued.size())).keysFor("owner-1");

		assertThat(keys.current()).isEqualTo(issued.get(issued.size() - 1));
		// Newest first; the first secret, the oldest, was dropped.
		List<WebhookSecret> earlier = new ArrayList<>(issued.subList(1, issued.size() - 1));
		Collections.reverse(earlier);
		assertThat(keys.previous()).hasSize(OwnerSecret.MAX_PREVIOUS).containsExactlyElementsOf(earlier);
	}

	@Test
	void aRotationWithoutOverlapEndsEveryEarlierSecret() {
		this.secrets.rotate("owner-1", null);
		this.secrets.rotate("owner-1", null);
		this.secrets.rotate("owner-1", null);

		IssuedSecret rotated = this.secrets.rotate("owner-1", Duration.ZERO);

		assertThat(secretsAt(NOW).keysFor("owner-1")).isEqualTo(new SigningKeys(rotated.secret(), List.of()));
		assertThat(rotated.state().previousValidUntil()).isNull();
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
		MutableClock clock = new MutableClock(NOW);
		WebhookSecrets here = secrets(clock);
		WebhookSecrets elsewhere = secrets(clock);
		elsewhere.rotate("owner-1", null);
		here.keysFor("owner-1");

		IssuedSecret rotated = elsewhere.rotate("owner-1", Duration.ZERO);
		clock.advance(SIGNING_CACHE_TTL);

		assertThat(here.keysFor("owner-1")).isEqualTo(new SigningKeys(rotated.secret(), null));
	}

	private List<String> signaturesAt(Instant at) {
		return List.of(secretsAt(at).keysFor("owner-1")
			.sign(MESSAGE_ID, at.getEpochSecond(), BODY.getBytes(StandardCharsets.UTF_8))
			.split(" "));
	}

	private static String signedWith(WebhookSecret secret, Instant at) throws Exception {
		return new Webhook(secret.value()).sign(MESSAGE_ID, at.getEpochSecond(), BODY);
	}

	private WebhookSecrets secretsAt(Instant now) {
		return secrets(Clock.fixed(now, ZoneOffset.UTC));
	}

	private WebhookSecrets secrets(Clock clock) {
		return new WebhookSecrets(this.store, new SecureRandom(),
				new WebhookSecrets.Settings(32, Duration.ofHours(24), Duration.ofDays(7), SIGNING_CACHE_TTL),
				new ErasedOwners(this.erasedOwners, SIGNING_CACHE_TTL, clock), clock);
	}

}
