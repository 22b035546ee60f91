package dev.flowgate.delivery.domain.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.flowgate.contracts.DeliveryChannel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryServiceTest {

	private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

	private final InMemoryDeliveryStore store = new InMemoryDeliveryStore();

	// Recovering only marks deliveries due; sending them is the poller's, so no
	// dispatcher.
	private final DeliveryService deliveries = new DeliveryService(this.store, this.store, this.store.attempts(), null,
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void recoversAtMostAThousandFailedDeliveriesPerCallOldestFirst() {
		int failed = DeliveryService.MAX_RECOVERED_PER_CALL + 1;
		IntStream.range(0, failed).forEach((i) -> add(failed("d-" + i, "owner-1", NOW.minusSeconds(failed - i))));

		Recovery first = this.deliveries.recover("owner-1", null);

		assertThat(first).isEqualTo(new Recovery(DeliveryService.MAX_RECOVERED_PER_CALL, true));
		assertThat(status("d-0")).isEqualTo(DeliveryStatus.PENDING);
		assertThat(status("d-" + (failed - 1))).isEqualTo(DeliveryStatus.FAILED);
		assertThat(this.deliveries.recover("owner-1", null)).isEqualTo(new Recovery(1, false));
		assertThat(this.store.find("owner-1", "d-0").orElseThrow().nextAttemptAt()).isEqualTo(NOW);
	}

	@Test
	void recoversOnlyTheOwnersDeliveriesCreatedSinceTheGivenInstant() {
		add(failed("old", "owner-1", NOW.minusSeconds(120)));
		add(failed("recent", "owner-1", NOW.minusSeconds(30)));
		add(failed("theirs", "owner-2", NOW.minusSeconds(30)));

		Recovery recovery = this.deliveries.recover("owner-1", NOW.minusSeconds(60));

		assertThat(recovery).isEqualTo(new Recovery(1, false));
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

	private static Delivery failed(String id, String ownerId, Instant createdAt) {
		return new Delivery(id, "exec-" + id, ownerId, "dep-1", DeliveryChannel.CALLBACK, "https://a.example/hook",
				"https://a.example", Message.callback("{}"), DeliveryStatus.FAILED, 10, 10, null, "HTTP 500", createdAt,
				createdAt.plusSeconds(5), null);
	}

}
