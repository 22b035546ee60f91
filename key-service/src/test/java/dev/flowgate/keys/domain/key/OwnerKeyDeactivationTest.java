package dev.flowgate.keys.domain.key;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.flowgate.contracts.KeyStatus;
import dev.flowgate.infra.test.MutableClock;
import dev.flowgate.keys.domain.key.KeyStatePublisher.Delivery;
import dev.flowgate.keys.domain.owner.OwnerNotFoundException;
import dev.flowgate.keys.domain.owner.OwnerService;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The platform admin stops every key of one owner at once. */
class OwnerKeyDeactivationTest {

	/** More than one page of the key list. */
	private static final int KEYS = 250;

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00.123Z"));

	private final InMemoryKeys domain = new InMemoryKeys(this.clock, new InMemoryKeyStore(), DeletedOwners.NONE, KEYS,
			KEYS);

	private final InMemoryKeyStore store = this.domain.store();

	private final RecordingPublisher publisher = this.domain.publisher();

	private final KeyPublication publication = this.domain.publication();

	private final KeyService keys = this.domain.keys();

	private final OwnerService owners = this.domain.owners(new InMemoryOwnerStore());

	@Test
	void deactivatesEveryActiveKeyOfTheOwnerPastOnePageAndPublishesEach() {
		String ownerId = this.owners.register("leaked").owner().id();
		List<String> ids = new ArrayList<>();
		for (int i = 1; i < KEYS; i++) {
			ids.add(this.owners.issueKey(ownerId, KeyRequest.of("k" + i, null, null, null, null)).key().id());
		}
		this.keys.deactivate(ownerId, ids.get(7));
		String bystander = this.owners.register("bystander").key().key().id();
		this.publisher.sent().clear();

		int deactivated = this.owners.deactivateKeys(ownerId);

		assertThat(deactivated).as("the first key and all issued but the one already off").isEqualTo(KEYS - 1);
		assertThat(ids).allSatisfy((id) -> assertThat(this.store.stored(id).status()).isEqualTo(KeyStatus.INACTIVE));
		assertThat(this.store.stored(bystander).status()).isEqualTo(KeyStatus.ACTIVE);
		assertThat(this.publisher.sent()).hasSize(KEYS - 1)
			.allSatisfy((key) -> assertThat(key.status()).isEqualTo(KeyStatus.INACTIVE));
		assertThat(this.owners.deactivateKeys(ownerId)).as("nothing left to deactivate").isZero();
	}

	@Test
	void triesOneSendWhileTheBrokerIsDownAndLeavesTheRestToTheRelay() {
		String ownerId = this.owners.register("leaked").owner().id();
		List<String> ids = new ArrayList<>();
		for (int i = 1; i < KEYS; i++) {
			ids.add(this.owners.issueKey(ownerId, KeyRequest.of("k" + i, null, null, null, null)).key().id());
		}
		this.publisher.sent().clear();
		this.publisher.nextOutcomes(Delivery.FAILED);

		int deactivated = this.owners.deactivateKeys(ownerId);

		assertThat(deactivated).isEqualTo(KEYS);
		assertThat(this.publisher.sent()).as("one wait for a broker that is down, not one per key").hasSize(1);
		assertThat(ids).allSatisfy((id) -> assertThat(this.store.stored(id).status()).isEqualTo(KeyStatus.INACTIVE));

		this.publication.publishPending();

		assertThat(this.publisher.sent()).as("the relay sends each, the one that failed again")
			.hasSize(1 + KEYS)
			.allSatisfy((key) -> assertThat(key.status()).isEqualTo(KeyStatus.INACTIVE));
	}

	@Test
	void refusesAnUnknownOwner() {
		assertThatExceptionOfType(OwnerNotFoundException.class).isThrownBy(() -> this.owners.deactivateKeys("nobody"));
	}

}
