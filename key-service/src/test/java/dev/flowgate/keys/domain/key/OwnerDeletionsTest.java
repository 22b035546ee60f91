package dev.flowgate.keys.domain.key;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import dev.flowgate.infra.test.MutableClock;
import dev.flowgate.keys.domain.owner.OwnerDeletion;
import dev.flowgate.keys.domain.owner.OwnerDeletionPublisher;
import dev.flowgate.keys.domain.owner.OwnerDeletions;
import dev.flowgate.keys.domain.owner.OwnerNotFoundException;
import dev.flowgate.keys.domain.owner.OwnerService;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** The platform admin deletes an owner: here its keys, elsewhere its data. */
class OwnerDeletionsTest {

	/** More than one page of the key list. */
	private static final int KEYS = 250;

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00.123Z"));

	private final InMemoryOwnerStore ownerStore = new InMemoryOwnerStore();

	private final InMemoryKeys domain = new InMemoryKeys(this.clock, new InMemoryKeyStore(), this.ownerStore, KEYS, 10);

	private final InMemoryKeyStore store = this.domain.store();

	private final RecordingPublisher publisher = this.domain.publisher();

	private final KeyIssuer issuer = this.domain.issuer();

	private final Announcements announcements = new Announcements();

	private final OwnerService owners = this.domain.owners(this.ownerStore);

	private final OwnerDeletions deletions = new OwnerDeletions(this.ownerStore, this.domain.ownerKeys(),
			this.announcements, this.clock, 10);

	@Test
	void deletesEveryKeyOfTheOwnerPastOnePageAndAnnouncesTheDeletion() {
		String ownerId = this.owners.register("leaving").owner().id();
		List<String> ids = new ArrayList<>();
		for (int i = 1; i < KEYS; i++) {
			ids.add(this.owners.issueKey(ownerId, KeyRequest.of("k" + i, null, null, null, null)).key().id());
		}
		String bystander = this.owners.register("bystander").key().key().id();
		this.publisher.sent().clear();

		this.deletions.delete(ownerId);

		assertThatExceptionOfType(OwnerNotFoundException.class).isThrownBy(() -> this.owners.get(ownerId));
		assertThat(ids).allSatisfy((id) -> assertThat(this.store.stored(id).deleted()).isTrue());
		assertThat(this.publisher.sent()).as("a tombstone for each key, the first one too")
			.hasSize(KEYS)
			.allSatisfy((key) -> assertThat(key.deleted()).isTrue());
		assertThat(this.store.stored(bystander).deleted()).isFalse();
		assertThat(this.announcements.sent).containsExactly(new OwnerDeletion(ownerId, this.clock.instant()));
		assertThat(this.ownerStore.unannouncedDeletions(10)).isEmpty();
	}

	@Test
	void refusesAnUnknownOwnerAndOneDeletedAlready() {
		String ownerId = this.owners.register("leaving").owner().id();
		this.deletions.delete(ownerId);

		assertThatExceptionOfType(OwnerNotFoundException.class).isThrownBy(() -> this.deletions.delete(ownerId));
		assertThatExceptionOfType(OwnerNotFoundException.class).isThrownBy(() -> this.deletions.delete("nobody"));
		assertThat(this.announcements.sent).hasSize(1);
	}

	@Test
	void announcesADeletionTheBrokerRefusedOnceItIsBack() {
		String ownerId = this.owners.register("leaving").owner().id();
		this.announcements.refuseNext(2);

		assertThatNoException().as("the owner is deleted all the same")
			.isThrownBy(() -> this.deletions.delete(ownerId));
		this.deletions.finishPending();
		assertThat(this.announcements.sent).isEmpty();
		assertThat(this.ownerStore.unannouncedDeletions(10)).extracting(OwnerDeletion::ownerId)
			.containsExactly(ownerId);

		this.deletions.finishPending();

		assertThat(this.announcements.sent).extracting(OwnerDeletion::ownerId).containsExactly(ownerId);
		assertThat(this.ownerStore.unannouncedDeletions(10)).isEmpty();
	}

	@Test
	void withdrawsAKeyIssuedForAnOwnerDeletedMeanwhile() {
		String ownerId = this.owners.register("leaving").owner().id();
		String manageKey = this.issuer.issue(ownerId, KeyRequest.of("manage", null, null, null, null)).key().id();
		this.ownerStore.markDeleted(ownerId, this.clock.instant());

		assertThatExceptionOfType(OwnerDeletedException.class).as("issued with the owner's own key")
			.isThrownBy(() -> this.issuer.issue(ownerId, KeyRequest.of("late", null, null, null, null), manageKey));
		assertThatExceptionOfType(OwnerNotFoundException.class).as("by the admin")
			.isThrownBy(() -> this.owners.issueKey(ownerId, KeyRequest.of("late", null, null, null, null)));
		assertThat(this.store.countOwned(ownerId)).as("the first key and manage, deleted with the owner later")
			.isEqualTo(2);
	}

	/** Announces with queued refusals first. */
	private static final class Announcements implements OwnerDeletionPublisher {

		private final List<OwnerDeletion> sent = new ArrayList<>();

		private final Deque<Boolean> refusals = new ArrayDeque<>();

		void refuseNext(int count) {
			for (int i = 0; i < count; i++) {
				this.refusals.add(Boolean.TRUE);
			}
		}

		@Override
		public boolean announce(OwnerDeletion deletion) {
			if (this.refusals.poll() != null) {
				return false;
			}
			this.sent.add(deletion);
			return true;
		}

	}

}
