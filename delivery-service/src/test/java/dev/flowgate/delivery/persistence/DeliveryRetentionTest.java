package dev.flowgate.delivery.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.flowgate.contracts.DeliveryChannel;
import dev.flowgate.delivery.domain.delivery.Attempt;
import dev.flowgate.delivery.domain.delivery.Delivery;
import dev.flowgate.delivery.domain.delivery.DeliveryRetention;
import dev.flowgate.delivery.domain.delivery.DeliveryStatus;
import dev.flowgate.delivery.domain.delivery.Message;
import dev.flowgate.delivery.support.FreshDatabases;
import dev.flowgate.infra.test.FlowgateInfra;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention sweep against the real MongoDB server: past finished deliveries go with
 * their attempts, whatever is still to be done stays.
 */
@FlowgateInfra
class DeliveryRetentionTest {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	private static final Instant LONG_AGO = NOW.minus(Duration.ofDays(40));

	private static final Instant RECENTLY = NOW.minus(Duration.ofDays(2));

	private MongoDeliveryStore store;

	private MongoAttemptLog attempts;

	private DeliveryRetention retention;

	@BeforeEach
	void freshDatabase() {
		MongoTemplate mongo = FreshDatabases.create("retention");
		this.store = new MongoDeliveryStore(mongo, StoreSettings.keepingAttempts(100));
		this.attempts = new MongoAttemptLog(mongo, StoreSettings.keepingAttempts(100));
		this.retention = new DeliveryRetention(new MongoDeliveryRetention(mongo), Clock.fixed(NOW, ZoneOffset.UTC),
				Duration.ofDays(30));
	}

	@Test
	void forgetsDeliveriesFinishedBeforeTheRetentionPeriod() {
		Delivery oldSuccess = stored("old-success", DeliveryStatus.SUCCEEDED, LONG_AGO);
		Delivery oldSkip = stored("old-skip", DeliveryStatus.SKIPPED, LONG_AGO);
		Delivery recentSuccess = stored("recent-success", DeliveryStatus.SUCCEEDED, RECENTLY);

		DeliveryRetention.Swept swept = this.retention.sweep();

		assertThat(swept.deliveries()).isEqualTo(2);
		assertThat(this.store.find("owner-1", oldSuccess.id())).isEmpty();
		assertThat(this.store.find("owner-1", oldSkip.id())).isEmpty();
		assertThat(this.store.find("owner-1", recentSuccess.id())).isPresent();
	}

	@Test
	void keepsPendingDeliveriesAndFailuresNotYetPublishedWhateverTheirAge() {
		Delivery pending = stored("pending", DeliveryStatus.PENDING, null);
		Delivery unpublished = stored("unpublished", DeliveryStatus.FAILED, LONG_AGO);
		Delivery published = stored("published", DeliveryStatus.FAILED, LONG_AGO);
		this.store.markFailurePublished(published.id(), published.failureEventId());

		assertThat(this.retention.sweep().deliveries()).isEqualTo(1);
		assertThat(this.store.find("owner-1", pending.id())).isPresent();
		assertThat(this.store.find("owner-1", unpublished.id())).isPresent();
		assertThat(this.store.find("owner-1", published.id())).isEmpty();
	}

	@Test
	void forgetsTheAttemptsOfAForgottenDeliveryAndKeepsThoseOfAPendingOne() {
		Delivery old = stored("old", DeliveryStatus.SUCCEEDED, LONG_AGO);
		Delivery pending = stored("retried", DeliveryStatus.PENDING, null);
		this.attempts.record(attempt(old, 1, LONG_AGO));
		this.attempts.record(attempt(pending, 1, LONG_AGO));
		this.attempts.record(attempt(pending, 2, RECENTLY));

		this.retention.sweep();

		assertThat(this.attempts.forDeliveries(List.of(old.id(), pending.id()))).extracting(Attempt::deliveryId)
			.containsOnly(pending.id())
			.hasSize(2);
	}

	private Delivery stored(String executionId, DeliveryStatus status, Instant finishedAt) {
		boolean pending = status == DeliveryStatus.PENDING;
		Delivery delivery = new Delivery(Delivery.idFor(executionId, DeliveryChannel.CALLBACK), executionId, "owner-1",
				"dep-1", DeliveryChannel.CALLBACK, "https://a.example/hook", "https://a.example:443",
				Message.callback("{}"), status, 1, 1, pending ? NOW.plus(Duration.ofHours(5)) : null, null,
				LONG_AGO.minusSeconds(60), LONG_AGO.minusSeconds(60), finishedAt,
				(status == DeliveryStatus.FAILED) ? UUID.randomUUID() : null);
		this.store.insertAll(List.of(delivery), Map.of());
		return delivery;
	}

	private static Attempt attempt(Delivery delivery, int number, Instant startedAt) {
		return new Attempt(delivery.id(), number, startedAt, 500, Duration.ofMillis(12), "HTTP 500", null);
	}

}
