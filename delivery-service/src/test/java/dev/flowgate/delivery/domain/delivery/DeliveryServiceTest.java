package dev.flowgate.delivery.domain.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import dev.flowgate.contracts.DeliveryChannel;
import dev.flowgate.delivery.domain.InvalidRequestException;
import dev.flowgate.delivery.domain.PageCursor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DeliveryServiceTest {

	private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

	private static final String REFUSED = "http://10.0.0.5/";

	private final InMemoryDeliveryStore store = new InMemoryDeliveryStore();

	/** Refuses, as the address guard does, what goes to 10.0.0.5. */
	private final ScriptedChannel callbacks = new ScriptedChannel(DeliveryChannel.CALLBACK, null) {

		@Override
		public boolean refusesAtOnce(Delivery delivery) {
			return delivery.destination().startsWith(REFUSED);
		}

	};

	// Recovering only marks deliveries due; sending them is the poller's, so no
	// dispatcher.
	private final DeliveryService deliveries = new DeliveryService(this.store, this.store, this.store.attempts(), null,
			List.of(this.callbacks), Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void recoversAtMostAThousandFailedDeliveriesPerCallOldestFirst() {
		int failed = DeliveryService.MAX_RECOVERED_PER_CALL + 1;
		IntStream.range(0, failed).forEach((i) -> add(failed("d-" + i, "owner-1", NOW.minusSeconds(failed - i))));

		Recovery first = this.deliveries.recover("owner-1", null, null);

		assertThat(first.scheduled()).isEqualTo(DeliveryService.MAX_RECOVERED_PER_CALL);
		assertThat(first.more()).isTrue();
		assertThat(status("d-0")).isEqualTo(DeliveryStatus.PENDING);
		assertThat(status("d-" + (failed - 1))).isEqualTo(DeliveryStatus.FAILED);
		assertThat(this.deliveries.recover("owner-1", null, null)).isEqualTo(new Recovery(1, null));
		assertThat(this.store.find("owner-1", "d-0").orElseThrow().nextAttemptAt()).isEqualTo(NOW);
	}

	@Test
	void theNextRecoveryGoesOnAfterTheLastEvenWhenTheFirstFailedAgain() {
		int failed = DeliveryService.MAX_RECOVERED_PER_CALL + 2;
		IntStream.range(0, failed).forEach((i) -> add(failed("d-" + i, "owner-1", NOW.minusSeconds(failed - i))));

		Recovery first = this.deliveries.recover("owner-1", null, null);
		// A receiver still refusing fails them again at once.
		IntStream.range(0, DeliveryService.MAX_RECOVERED_PER_CALL).forEach((i) -> failAgain("d-" + i));
		Recovery second = this.deliveries.recover("owner-1", null, first.next().encode());

		assertThat(first.more()).isTrue();
		assertThat(second).isEqualTo(new Recovery(2, null));
		assertThat(status("d-" + (failed - 2))).isEqualTo(DeliveryStatus.PENDING);
		assertThat(status("d-" + (failed - 1))).isEqualTo(DeliveryStatus.PENDING);
		assertThat(status("d-0")).isEqualTo(DeliveryStatus.FAILED);
	}

	@Test
	void aCursorTakesWhatIsNewerOrEquallyOldWithALargerId() {
		add(failed("b", "owner-1", NOW.minusSeconds(60)));
		add(failed("a", "owner-1", NOW.minusSeconds(30)));
		add(failed("c", "owner-1", NOW.minusSeconds(30)));
		String afterA = new PageCursor(NOW.minusSeconds(30), "a").encode();

		assertThat(this.deliveries.recover("owner-1", null, afterA)).isEqualTo(new Recovery(1, null));
		assertThat(status("c")).isEqualTo(DeliveryStatus.PENDING);
		assertThat(status("a")).isEqualTo(DeliveryStatus.FAILED);
		assertThat(status("b")).isEqualTo(DeliveryStatus.FAILED);
	}

	@Test
	void refusesAMalformedRecoveryCursor() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.deliveries.recover("owner-1", null, "bm9wZQ"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("cursor"));
	}

	@Test
	void refusesReplayOfADeliveryNeverKept() {
		add(notKept("big", NOW.minusSeconds(30)));

		assertThatExceptionOfType(PayloadNotKeptException.class)
			.isThrownBy(() -> this.deliveries.retry("owner-1", "big"))
			.withMessage("Delivery big was never sent: its payload exceeded the size limit and was not kept, "
					+ "so it cannot be replayed");
		assertThat(status("big")).isEqualTo(DeliveryStatus.FAILED);
	}

	@Test
	void recoversNoneOfTheDeliveriesNeverKept() {
		add(notKept("big", NOW.minusSeconds(60)));
		add(failed("small", "owner-1", NOW.minusSeconds(30)));

		Recovery recovery = this.deliveries.recover("owner-1", null, null);

		assertThat(recovery).isEqualTo(new Recovery(1, null));
		assertThat(status("big")).isEqualTo(DeliveryStatus.FAILED);
		assertThat(status("small")).isEqualTo(DeliveryStatus.PENDING);
	}

	/**
	 * Each would fail again at once, reaching no one and no breaker: recovering them in a
	 * loop would only churn the store and the failure events.
	 */
	@Test
	void recoversNoneOfTheDeliveriesItsChannelWouldRefuseAtOnce() {
		add(failedTo(REFUSED + "hook", "refused", NOW.minusSeconds(60)));
		add(failed("down", "owner-1", NOW.minusSeconds(30)));

		Recovery recovery = this.deliveries.recover("owner-1", null, null);

		assertThat(recovery).isEqualTo(new Recovery(1, null));
		assertThat(status("refused")).isEqualTo(DeliveryStatus.FAILED);
		assertThat(status("down")).isEqualTo(DeliveryStatus.PENDING);
	}

	@Test
	void recoversOnlyTheOwnersDeliveriesCreatedSinceTheGivenInstant() {
		add(failed("old", "owner-1", NOW.minusSeconds(120)));
		add(failed("recent", "owner-1", NOW.minusSeconds(30)));
		add(failed("theirs", "owner-2", NOW.minusSeconds(30)));

		Recovery recovery = this.deliveries.recover("owner-1", NOW.minusSeconds(60), null);

		assertThat(recovery).isEqualTo(new Recovery(1, null));
		assertThat(status("recent")).isEqualTo(DeliveryStatus.PENDING);
		assertThat(status("old")).isEqualTo(DeliveryStatus.FAILED);
		assertThat(this.store.find("owner-2", "theirs").orElseThrow().status()).isEqualTo(DeliveryStatus.FAILED);
	}

	private void add(Delivery delivery) {
		this.store.insertAll(List.of(delivery), Map.of());
	}

	private DeliveryStatus status(String id) {
		return this.store.find("owner-1", id).orElseThrow().status();
	}

	/** As the worker does when the replayed attempt fails for good. */
	private void failAgain(String id) {
		Claim claim = this.store.claim(id, NOW, NOW.plusSeconds(60)).orElseThrow();
		this.store.settle(claim, claim.delivery().afterAttempt().failed("Refused: no route", NOW), Optional.empty());
	}

	/** Over the payload limit at intake: failed, its message not kept. */
	private static Delivery notKept(String id, Instant createdAt) {
		return new Delivery(id, "exec-" + id, "owner-1", "dep-1", DeliveryChannel.CALLBACK, "https://a.example/hook",
				"https://a.example", Message.callback("{\"big\":1}").withoutContent(), DeliveryStatus.FAILED, 0, 0,
				null, "Payload of 70000 bytes exceeds the limit of 65536 bytes; not sent", createdAt, createdAt,
				createdAt, null);
	}

	private static Delivery failed(String id, String ownerId, Instant createdAt) {
		return new Delivery(id, "exec-" + id, ownerId, "dep-1", DeliveryChannel.CALLBACK, "https://a.example/hook",
				"https://a.example", Message.callback("{}"), DeliveryStatus.FAILED, 10, 10, null, "HTTP 500", createdAt,
				createdAt, createdAt.plusSeconds(5), null);
	}

	private static Delivery failedTo(String url, String id, Instant createdAt) {
		return new Delivery(id, "exec-" + id, "owner-1", "dep-1", DeliveryChannel.CALLBACK, url, url,
				Message.callback("{}"), DeliveryStatus.FAILED, 1, 1, null, "Refused: …; not retried", createdAt,
				createdAt, createdAt, null);
	}

}
