package dev.flowgate.delivery.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.flowgate.contracts.DeliveryChannel;
import dev.flowgate.delivery.domain.delivery.Attempt;
import dev.flowgate.delivery.domain.delivery.Claim;
import dev.flowgate.delivery.domain.delivery.Delivery;
import dev.flowgate.delivery.domain.PageCursor;
import dev.flowgate.delivery.domain.delivery.DeliveryStatus;
import dev.flowgate.delivery.domain.delivery.DeliveryStore.Due;
import dev.flowgate.delivery.domain.delivery.Lease;
import dev.flowgate.delivery.domain.delivery.Message;
import dev.flowgate.delivery.support.FreshDatabases;
import dev.flowgate.infra.test.FlowgateInfra;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The schedule's atomic claims against the real MongoDB server: one holder per lease, an
 * expired lease can be taken over, and a lost lease cannot settle.
 */
@FlowgateInfra
class MongoDeliveryStoreTest {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	private static final Duration LEASE = Duration.ofMinutes(2);

	private static final int KEPT = 3;

	private MongoTemplate mongo;

	private MongoDeliveryStore store;

	private MongoAttemptLog attempts;

	@BeforeEach
	void freshDatabase() {
		this.mongo = FreshDatabases.create("delivery_store");
		this.store = new MongoDeliveryStore(this.mongo, StoreSettings.keepingAttempts(KEPT));
		this.attempts = new MongoAttemptLog(this.mongo, StoreSettings.keepingAttempts(KEPT));
	}

	@Test
	void insertsADeliveryOnlyOnce() {
		Delivery delivery = pending("exec-1", "https://a.example:443", NOW);

		assertThat(insert(delivery, null)).isTrue();
		assertThat(insert(delivery, null)).isFalse();
		assertThat(this.store.find("owner-1", delivery.id())).contains(delivery);
		assertThat(this.store.find("owner-2", delivery.id())).isEmpty();
	}

	@Test
	void insertsManyAtOnceSkippingThoseThatExist() {
		Delivery existing = pending("exec-1", "https://a.example:443", NOW);
		Delivery fresh = pending("exec-2", "https://a.example:443", NOW);
		insert(existing, null);

		Set<String> inserted = this.store.insertAll(List.of(existing, fresh),
				Map.of(fresh.id(), new Lease("token", NOW.plus(LEASE))));

		assertThat(inserted).containsExactly(fresh.id());
		assertThat(this.store.find("owner-1", fresh.id())).contains(fresh);
		assertThat(this.store.findDue(NOW, Set.of(), 10)).extracting(Due::deliveryId).containsExactly(existing.id());
	}

	@Test
	void findsTheLongestDueFirstAndLeasesThemToOneClaimant() {
		Delivery later = pending("exec-later", "https://a.example:443", NOW.minusSeconds(1));
		Delivery earlier = pending("exec-earlier", "https://b.example:443", NOW.minusSeconds(5));
		insert(later, null);
		insert(earlier, null);

		List<Due> due = this.store.findDue(NOW, Set.of(), 10);
		List<Claim> first = this.store.claimAll(due, NOW, NOW.plus(LEASE));
		List<Claim> second = this.store.claimAll(due, NOW, NOW.plus(LEASE));

		assertThat(due).extracting(Due::deliveryId).containsExactly(earlier.id(), later.id());
		assertThat(first).extracting((claim) -> claim.delivery().id()).containsExactly(earlier.id(), later.id());
		assertThat(second).isEmpty();
		assertThat(this.store.findDue(NOW, Set.of(), 10)).isEmpty();
	}

	@Test
	void findsTheSizeOfADueMessageUnknownForOneStoredBeforeSizesWere() {
		Delivery sized = pending("exec-sized", "https://a.example:443", NOW.minusSeconds(2));
		Delivery old = pending("exec-old", "https://b.example:443", NOW.minusSeconds(1));
		insert(sized, null);
		insert(old, null);
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(old.id())), new Update().unset("messageSize"),
				DeliveryDocument.class);

		assertThat(this.store.findDue(NOW, Set.of(), 10)).extracting(Due::messageSize)
			.containsExactly(sized.message().size(), Due.UNKNOWN_SIZE);
	}

	@Test
	void leavesFutureDeliveriesAndBusyDestinationsAlone() {
		insert(pending("exec-future", "https://a.example:443", NOW.plusSeconds(1)), null);
		Delivery busy = pending("exec-busy", "https://busy.example:443", NOW);
		insert(busy, null);

		assertThat(this.store.findDue(NOW, Set.of("https://busy.example:443"), 10)).isEmpty();
		assertThat(this.store.findDue(NOW, Set.of(), 10)).extracting(Due::deliveryId).containsExactly(busy.id());
	}

	@Test
	void anExpiredLeaseIsTakenOverAndTheOldHolderCannotSettle() {
		Delivery delivery = pending("exec-1", "https://a.example:443", NOW);
		insert(delivery, new Lease("crashed-instance", NOW.plus(LEASE)));

		assertThat(this.store.findDue(NOW.plus(LEASE).minusMillis(1), Set.of(), 10)).isEmpty();
		Due expired = this.store.findDue(NOW.plus(LEASE).plusMillis(1), Set.of(), 10).get(0);
		Claim takeover = this.store
			.claimAll(List.of(expired), NOW.plus(LEASE).plusMillis(1), NOW.plus(LEASE.multipliedBy(2)))
			.get(0);
		Claim stale = new Claim(delivery, "crashed-instance", NOW.plus(LEASE));

		assertThat(expired.leaseToken()).isEqualTo("crashed-instance");
		assertThat(this.store.settle(stale, succeeded(delivery), Optional.of(attempt(delivery, 1)))).isFalse();
		assertThat(this.store.settle(takeover, succeeded(delivery), Optional.of(attempt(delivery, 1)))).isTrue();
		assertThat(this.store.find("owner-1", delivery.id()).orElseThrow().status())
			.isEqualTo(DeliveryStatus.SUCCEEDED);
		assertThat(this.attempts.forDeliveries(List.of(delivery.id()))).as("recorded once, by the settle that held")
			.hasSize(1);
	}

	@Test
	void keepsTheLatestAttemptsOfADeliveryInOrder() {
		Delivery delivery = pending("exec-1", "https://a.example:443", NOW);
		insert(delivery, null);
		for (int number = 1; number <= KEPT + 2; number++) {
			Claim claim = this.store.claim(delivery.id(), NOW, NOW.plus(LEASE)).orElseThrow();
			assertThat(this.store.settle(claim, delivery, Optional.of(attempt(delivery, number)))).isTrue();
		}
		this.attempts.record(attempt(delivery, KEPT + 3));

		assertThat(this.attempts.forDeliveries(List.of(delivery.id()))).extracting(Attempt::number)
			.containsExactly(4, 5, 6);
		assertThat(this.store.find("owner-1", delivery.id())).as("read without its log").contains(delivery);
	}

	@Test
	void readsTheLastAttemptOfEachDeliveryAlone() {
		Delivery twice = pending("exec-1", "https://a.example:443", NOW);
		Delivery once = pending("exec-2", "https://a.example:443", NOW);
		Delivery never = pending("exec-3", "https://a.example:443", NOW);
		List.of(twice, once, never).forEach((delivery) -> insert(delivery, null));
		this.attempts.record(attempt(twice, 1));
		this.attempts.record(attempt(twice, 2));
		this.attempts.record(attempt(once, 1));

		assertThat(this.attempts.lastOf(List.of(twice.id(), once.id(), never.id())))
			.extracting(Attempt::deliveryId, Attempt::number)
			.containsExactlyInAnyOrder(tuple(twice.id(), 2), tuple(once.id(), 1));
		assertThat(this.attempts.forDeliveries(List.of(twice.id()))).as("the log stays whole").hasSize(2);
	}

	@Test
	void aDeliverySettledSinceItWasFoundIsNotClaimed() {
		Delivery delivery = pending("exec-1", "https://a.example:443", NOW);
		insert(delivery, null);
		Due found = this.store.findDue(NOW, Set.of(), 10).get(0);
		Claim other = this.store.claim(delivery.id(), NOW, NOW.plus(LEASE)).orElseThrow();
		this.store.settle(other, succeeded(delivery), Optional.empty());

		assertThat(this.store.claimAll(List.of(found), NOW, NOW.plus(LEASE))).isEmpty();

		Delivery stored = this.store.find("owner-1", delivery.id()).orElseThrow();
		assertThat(stored.status()).isEqualTo(DeliveryStatus.SUCCEEDED);
		// Not left leased: a replay can be claimed at once.
		assertThat(this.store.replay(pendingAgain(stored), DeliveryStatus.SUCCEEDED)).isTrue();
		assertThat(this.store.claim(delivery.id(), NOW, NOW.plus(LEASE))).isPresent();
	}

	@Test
	void settlesManyAtOnceAndTellsWhichLeasesWereLost() {
		Delivery held = pending("exec-held", "https://a.example:443", NOW);
		Delivery lost = pending("exec-lost", "https://a.example:443", NOW);
		insert(held, null);
		insert(lost, new Lease("taken-over", NOW.plus(LEASE)));
		Claim claim = this.store.claim(held.id(), NOW, NOW.plus(LEASE)).orElseThrow();

		List<Boolean> settled = this.store.settleAll(List.of(
				new MongoDeliveryStore.Settlement(claim, succeeded(held), null),
				new MongoDeliveryStore.Settlement(new Claim(lost, "expired", NOW.plus(LEASE)), succeeded(lost), null)));

		assertThat(settled).containsExactly(true, false);
		assertThat(this.store.find("owner-1", held.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.SUCCEEDED);
		assertThat(this.store.find("owner-1", lost.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.PENDING);
	}

	@Test
	void aReleasedLeaseCanBeClaimedAtOnce() {
		Delivery delivery = pending("exec-1", "https://a.example:443", NOW);
		insert(delivery, null);
		Claim claim = this.store.claim(delivery.id(), NOW, NOW.plus(LEASE)).orElseThrow();

		assertThat(this.store.claim(delivery.id(), NOW, NOW.plus(LEASE))).isEmpty();
		this.store.release(claim);

		assertThat(this.store.claim(delivery.id(), NOW, NOW.plus(LEASE))).isPresent();
	}

	@Test
	void replaysOnlyFromTheStatusTheCallerSaw() {
		Delivery delivery = pending("exec-1", "https://a.example:443", NOW);
		insert(delivery, null);
		Claim claim = this.store.claim(delivery.id(), NOW, NOW.plus(LEASE)).orElseThrow();
		Delivery done = succeeded(delivery);
		this.store.settle(claim, done, Optional.empty());
		Delivery replayed = new Delivery(done.id(), done.executionId(), done.ownerId(), done.deploymentId(),
				done.channel(), done.destination(), done.destinationKey(), done.message(), DeliveryStatus.PENDING,
				done.attempts(), 0, NOW.plusSeconds(10), done.lastError(), done.createdAt(), NOW, null, null);

		assertThat(this.store.replay(replayed, DeliveryStatus.FAILED)).isFalse();
		assertThat(this.store.replay(replayed, DeliveryStatus.SUCCEEDED)).isTrue();
		assertThat(this.store.replay(replayed, DeliveryStatus.SUCCEEDED)).isFalse();
		Delivery stored = this.store.find("owner-1", delivery.id()).orElseThrow();
		assertThat(stored.status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(stored.roundAttempts()).isZero();
		assertThat(stored.roundStartedAt()).isEqualTo(NOW).isNotEqualTo(stored.createdAt());
		assertThat(stored.attempts()).isEqualTo(1);
	}

	@Test
	void aDeliveryStoredBeforeRoundsWereTimedBeganItsRoundWhenItWasCreated() {
		Delivery delivery = pending("exec-1", "https://a.example:443", NOW);
		insert(delivery, null);
		this.mongo.updateFirst(Query.query(Criteria.where(DeliveryDocument.ID).is(delivery.id())),
				new Update().unset(DeliveryDocument.ROUND_STARTED_AT), DeliveryDocument.COLLECTION);

		assertThat(this.store.find("owner-1", delivery.id()).orElseThrow().roundStartedAt())
			.isEqualTo(delivery.createdAt());
	}

	@Test
	void keepsAFailureUnpublishedUntilItsEventIsMarked() {
		Delivery delivery = pending("exec-1", "https://a.example:443", NOW);
		insert(delivery, null);
		Claim claim = this.store.claim(delivery.id(), NOW, NOW.plus(LEASE)).orElseThrow();
		UUID eventId = UUID.randomUUID();
		this.store.settle(claim,
				new Delivery(delivery.id(), delivery.executionId(), delivery.ownerId(), delivery.deploymentId(),
						delivery.channel(), delivery.destination(), delivery.destinationKey(), delivery.message(),
						DeliveryStatus.FAILED, 5, 5, null, "HTTP 500", delivery.createdAt(), delivery.createdAt(), NOW,
						eventId),
				Optional.empty());

		assertThat(this.store.unpublishedFailures(NOW, 10)).isEmpty();
		assertThat(this.store.unpublishedFailures(NOW.plusSeconds(1), 10)).extracting(Delivery::failureEventId)
			.containsExactly(eventId);
		this.store.markFailurePublished(delivery.id(), UUID.randomUUID());
		assertThat(this.store.unpublishedFailures(NOW.plusSeconds(1), 10)).hasSize(1);
		this.store.markFailurePublished(delivery.id(), eventId);
		assertThat(this.store.unpublishedFailures(NOW.plusSeconds(1), 10)).isEmpty();
	}

	@Test
	void findsFailedDeliveriesToRecoverOldestFirstAfterTheCursorAndOnlyThoseKept() {
		Delivery oldest = failed("exec-1", NOW.minusSeconds(30), Message.callback("{}"));
		Delivery tied = failed("exec-2", NOW.minusSeconds(20), Message.callback("{}"));
		Delivery alsoTied = failed("exec-3", NOW.minusSeconds(20), Message.callback("{}"));
		Delivery notKept = failed("exec-4", NOW.minusSeconds(10), Message.callback("{}").withoutContent());
		List.of(oldest, tied, alsoTied, notKept).forEach((delivery) -> insert(delivery, null));
		insert(pending("exec-5", "https://a.example:443", NOW), null);
		MongoDeliveryPages pages = new MongoDeliveryPages(this.mongo);
		List<String> tiedIds = List.of(tied.id(), alsoTied.id()).stream().sorted().toList();

		List<Delivery> all = pages.failedSince("owner-1", null, null, 10);
		List<Delivery> afterFirstTied = pages.failedSince("owner-1", null,
				new PageCursor(tied.createdAt(), tiedIds.get(0)), 10);

		assertThat(all).extracting(Delivery::id).containsExactly(oldest.id(), tiedIds.get(0), tiedIds.get(1));
		assertThat(afterFirstTied).extracting(Delivery::id).containsExactly(tiedIds.get(1));
		assertThat(pages.failedSince("owner-1", null, new PageCursor(oldest.createdAt(), oldest.id()), 1))
			.extracting(Delivery::id)
			.containsExactly(tiedIds.get(0));
	}

	@Test
	void deletesAnOwnersDeliveriesABatchAtATimeWithTheirAttemptsAndNothingLaterBringsThemBack() {
		Delivery first = pending("exec-1", "https://a.example:443", NOW);
		Delivery second = pending("exec-2", "https://a.example:443", NOW);
		Delivery third = pending("exec-3", "https://a.example:443", NOW);
		Delivery other = new Delivery(Delivery.idFor("exec-4", DeliveryChannel.CALLBACK), "exec-4", "owner-2", "dep-1",
				DeliveryChannel.CALLBACK, "https://a.example/hook", "https://a.example:443", Message.callback("{}"),
				DeliveryStatus.PENDING, 0, 0, NOW, null, NOW, NOW, null, null);
		List.of(first, second, third, other).forEach((delivery) -> insert(delivery, null));
		this.attempts.record(attempt(first, 1));
		// An attempt in flight while the owner is erased.
		Claim inFlight = this.store.claim(second.id(), NOW, NOW.plus(LEASE)).orElseThrow();

		assertThat(this.store.deleteSomeOf("owner-1", 2)).isEqualTo(2);
		assertThat(this.store.deleteSomeOf("owner-1", 2)).isEqualTo(1);
		assertThat(this.store.deleteSomeOf("owner-1", 2)).isZero();

		assertThat(this.store.settle(inFlight, succeeded(second), Optional.of(attempt(second, 1)))).isFalse();
		this.attempts.record(attempt(second, 1));
		assertThat(this.mongo.count(Query.query(Criteria.where(DeliveryDocument.OWNER_ID).is("owner-1")),
				DeliveryDocument.COLLECTION))
			.isZero();
		assertThat(this.attempts.forDeliveries(List.of(first.id(), second.id()))).isEmpty();
		assertThat(this.store.find("owner-2", other.id())).contains(other);
	}

	@Test
	void discardsAClaimedDeliveryOnlyWhileTheClaimHolds() {
		Delivery delivery = pending("exec-1", "https://a.example:443", NOW);
		insert(delivery, null);
		Claim expired = this.store.claim(delivery.id(), NOW, NOW.plus(LEASE)).orElseThrow();
		Instant later = NOW.plus(LEASE).plusSeconds(1);
		Claim current = this.store.claimAll(this.store.findDue(later, Set.of(), 10), later, later.plus(LEASE)).get(0);

		this.store.discard(expired);
		assertThat(this.store.find("owner-1", delivery.id())).isPresent();
		this.store.discard(current);

		assertThat(this.store.find("owner-1", delivery.id())).isEmpty();
	}

	private static Attempt attempt(Delivery delivery, int number) {
		return new Attempt(delivery.id(), number, NOW, 200, Duration.ofMillis(7), null, "ok");
	}

	private static Delivery pending(String executionId, String destinationKey, Instant due) {
		return new Delivery(Delivery.idFor(executionId, DeliveryChannel.CALLBACK), executionId, "owner-1", "dep-1",
				DeliveryChannel.CALLBACK, destinationKey + "/hook", destinationKey, Message.callback("{}"),
				DeliveryStatus.PENDING, 0, 0, due, null, NOW.minusSeconds(60), NOW.minusSeconds(60), null, null);
	}

	private static Delivery failed(String executionId, Instant createdAt, Message message) {
		return new Delivery(Delivery.idFor(executionId, DeliveryChannel.CALLBACK), executionId, "owner-1", "dep-1",
				DeliveryChannel.CALLBACK, "https://a.example/hook", "https://a.example:443", message,
				DeliveryStatus.FAILED, 1, 1, null, "HTTP 500", createdAt, createdAt, createdAt, UUID.randomUUID());
	}

	private static Delivery pendingAgain(Delivery done) {
		return new Delivery(done.id(), done.executionId(), done.ownerId(), done.deploymentId(), done.channel(),
				done.destination(), done.destinationKey(), done.message(), DeliveryStatus.PENDING, done.attempts(), 0,
				NOW, done.lastError(), done.createdAt(), NOW, null, null);
	}

	private static Delivery succeeded(Delivery delivery) {
		return new Delivery(delivery.id(), delivery.executionId(), delivery.ownerId(), delivery.deploymentId(),
				delivery.channel(), delivery.destination(), delivery.destinationKey(), delivery.message(),
				DeliveryStatus.SUCCEEDED, 1, 1, null, null, delivery.createdAt(), delivery.createdAt(), NOW, null);
	}

	private boolean insert(Delivery delivery, Lease lease) {
		Map<String, Lease> leases = (lease != null) ? Map.of(delivery.id(), lease) : Map.of();
		return this.store.insertAll(List.of(delivery), leases).contains(delivery.id());
	}

}
