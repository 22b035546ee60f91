package dev.flowgate.keys.domain.key;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.flowgate.contracts.KeyStatus;
import dev.flowgate.infra.test.MutableClock;
import dev.flowgate.keys.domain.key.KeyStatePublisher.Delivery;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyPublicationTest {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	private static final Duration CLAIM = Duration.ofSeconds(60);

	private static final Duration LONGEST_SEND = Duration.ofSeconds(35);

	private final MutableClock clock = new MutableClock(NOW);

	private final InMemoryKeyStore store = new InMemoryKeyStore();

	private final RecordingPublisher publisher = new RecordingPublisher();

	private final KeyPublication publication = new KeyPublication(this.store, this.publisher, this.clock, CLAIM,
			LONGEST_SEND, 10);

	@Test
	void marksAnAcknowledgedVersionPublished() {
		ApiKey key = storedKey("k1");

		this.publication.publish("k1");

		assertThat(this.publisher.sent()).containsExactly(key);
		assertThat(this.store.publishedVersion("k1")).isEqualTo(1);
		assertThat(this.store.isClaimed("k1")).isFalse();
	}

	@Test
	void sendsNothingForAnAlreadyPublishedVersion() {
		storedKey("k1");
		this.publication.publish("k1");

		this.publication.publish("k1");
		this.publication.publishPending();

		assertThat(this.publisher.sent()).hasSize(1);
	}

	@Test
	void republishesWhatACrashLeftUnpublished() {
		ApiKey savedBeforeCrash = storedKey("k1");

		this.publication.publishPending();

		assertThat(this.publisher.sent()).containsExactly(savedBeforeCrash);
		assertThat(this.store.publishedVersion("k1")).isEqualTo(1);
	}

	@Test
	void publishesTheCurrentStateRatherThanAnOlderOne() {
		storedKey("k1");
		ApiKey deactivated = this.store.stored("k1").deactivate();
		this.store.replace(deactivated);

		this.publication.publishPending();

		assertThat(this.publisher.sent()).singleElement()
			.satisfies((sent) -> assertThat(sent.status()).isEqualTo(KeyStatus.INACTIVE));
		assertThat(this.store.publishedVersion("k1")).isEqualTo(2);
	}

	@Test
	void leavesAFailedSendPendingForTheNextRound() {
		storedKey("k1");
		this.publisher.nextOutcomes(Delivery.FAILED);

		this.publication.publish("k1");
		assertThat(this.store.publishedVersion("k1")).isZero();
		assertThat(this.store.isClaimed("k1")).isFalse();

		this.publication.publishPending();
		assertThat(this.publisher.sent()).hasSize(2);
		assertThat(this.store.publishedVersion("k1")).isEqualTo(1);
	}

	@Test
	void holdsAKeyWhoseSendIsInDoubtUntilTheClaimExpires() {
		storedKey("k1");
		this.publisher.nextOutcomes(Delivery.IN_DOUBT);
		this.publication.publish("k1");

		this.publication.publishPending();
		assertThat(this.publisher.sent()).hasSize(1);

		this.clock.advance(CLAIM.plusSeconds(1));
		this.publication.publishPending();
		assertThat(this.publisher.sent()).hasSize(2);
		assertThat(this.store.publishedVersion("k1")).isEqualTo(1);
	}

	@Test
	void leavesAKeyToThePublisherHoldingIt() {
		storedKey("k1");
		this.store.claim("k1", NOW, NOW.plus(CLAIM));

		this.publication.publish("k1");

		assertThat(this.publisher.sent()).isEmpty();
	}

	@Test
	void publishesATombstoneForADeletedKeyAndKeepsItDeletedWithNothingPending() {
		storedKey("k1");
		this.publication.publish("k1");
		ApiKey deleted = this.store.stored("k1").delete();
		this.store.replace(deleted);

		this.publication.publish("k1");

		assertThat(this.publisher.sent()).last().isEqualTo(deleted);
		assertThat(this.store.stored("k1").deleted()).isTrue();
		assertThat(this.store.publishedVersion("k1")).isEqualTo(deleted.version());
		this.publication.publishPending();
		assertThat(this.publisher.sent()).hasSize(2);
	}

	@Test
	void republishesATombstoneUntilItIsAcknowledged() {
		storedKey("k1");
		this.store.replace(this.store.stored("k1").delete());
		this.publisher.nextOutcomes(Delivery.FAILED);

		this.publication.publish("k1");

		assertThat(this.store.publishedVersion("k1")).isZero();
		this.publication.publishPending();
		assertThat(this.publisher.sent()).hasSize(2).allSatisfy((sent) -> assertThat(sent.deleted()).isTrue());
		assertThat(this.store.publishedVersion("k1")).isEqualTo(2);
	}

	@Test
	void endsARoundAtTheFirstFailedSend() {
		storedKey("k1");
		storedKey("k2");
		this.publisher.nextOutcomes(Delivery.FAILED);

		this.publication.publishPending();

		assertThat(this.publisher.sent()).hasSize(1);
	}

	@Test
	void sendsNothingOnAClaimThatTookTooLongToTake() {
		storedKey("k1");
		InMemoryKeyStore slow = new InMemoryKeyStore() {

			@Override
			public Optional<PublicationClaim> claim(String keyId, Instant now, Instant until) {
				// The reply came after a long pause: too little of the claim is left.
				KeyPublicationTest.this.clock.advance(CLAIM.minus(LONGEST_SEND).plusSeconds(1));
				return KeyPublicationTest.this.store.claim(keyId, now, until);
			}

		};
		KeyPublication stalled = new KeyPublication(slow, this.publisher, this.clock, CLAIM, LONGEST_SEND, 10);

		assertThat(stalled.publish("k1")).isFalse();

		assertThat(this.publisher.sent()).isEmpty();
		this.clock.advance(CLAIM);
		this.publication.publishPending();
		assertThat(this.publisher.sent()).hasSize(1);
	}

	private ApiKey storedKey(String id) {
		ApiKey key = ApiKey.issue(id, "owner-1", KeyRequest.firstKey(), KeySecret.generate(new SecureRandom()), NOW);
		this.store.insert(key);
		return key;
	}

}
