package dev.flowgate.delivery.domain.owner;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.flowgate.contracts.DeliveryChannel;
import dev.flowgate.delivery.domain.callback.DisabledCallback;
import dev.flowgate.delivery.domain.callback.DisabledCallbackService;
import dev.flowgate.delivery.domain.callback.InMemoryDisabledCallbacks;
import dev.flowgate.delivery.domain.delivery.Delivery;
import dev.flowgate.delivery.domain.delivery.DeliveryStatus;
import dev.flowgate.delivery.domain.delivery.InMemoryDeliveryStore;
import dev.flowgate.delivery.domain.delivery.Message;
import dev.flowgate.delivery.domain.signing.InMemorySecretStore;
import dev.flowgate.delivery.domain.signing.WebhookSecret;
import dev.flowgate.delivery.domain.signing.WebhookSecrets;
import dev.flowgate.infra.test.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OwnerErasureTest {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	private static final Duration TTL = Duration.ofSeconds(2);

	private static final String GONE = "owner-gone";

	private static final String KEPT = "owner-kept";

	private static final String URL = "https://hooks.example.com/in";

	private static final int BATCH = 2;

	private final MutableClock clock = new MutableClock(NOW);

	private final InMemoryErasedOwnerStore erasedOwners = new InMemoryErasedOwnerStore();

	private final ErasedOwners erased = new ErasedOwners(this.erasedOwners, TTL, this.clock);

	private final InMemoryDeliveryStore deliveries = new InMemoryDeliveryStore();

	private final InMemorySecretStore secretStore = new InMemorySecretStore();

	private final WebhookSecrets secrets = new WebhookSecrets(this.secretStore, new SecureRandom(),
			new WebhookSecrets.Settings(32, Duration.ofHours(24), Duration.ofDays(7), TTL), this.erased, this.clock);

	private final DisabledCallbackService stops = new DisabledCallbackService(new InMemoryDisabledCallbacks(),
			this.erased, TTL, this.clock);

	private final OwnerErasure erasure = new OwnerErasure(this.erased, this.deliveries, this.secrets, this.stops,
			BATCH);

	@Test
	void erasesTheOwnersDeliveriesAndLeavesOthers() {
		Delivery pending = store(GONE, "exec-1", DeliveryStatus.PENDING);
		Delivery succeeded = store(GONE, "exec-2", DeliveryStatus.SUCCEEDED);
		Delivery failed = store(GONE, "exec-3", DeliveryStatus.FAILED);
		Delivery other = store(KEPT, "exec-4", DeliveryStatus.PENDING);

		this.erasure.erase(GONE);

		for (Delivery delivery : List.of(pending, succeeded, failed)) {
			assertThat(this.deliveries.find(GONE, delivery.id())).isEmpty();
			assertThat(this.deliveries.findByExecution(GONE, delivery.executionId())).isEmpty();
		}
		assertThat(this.deliveries.page(GONE, null, null, 100)).isEmpty();
		assertThat(this.deliveries.find(KEPT, other.id())).contains(other);
	}

	@Test
	void erasesTheOwnersSigningSecretAndDisabledCallbacksAndLeavesOthers() {
		this.secrets.rotate(GONE, null);
		WebhookSecret kept = this.secrets.rotate(KEPT, null).secret();
		this.stops.disable(stop(GONE, "dep-1"));
		this.stops.disable(stop(GONE, "dep-2"));
		this.stops.disable(stop(KEPT, "dep-1"));
		assertThat(this.stops.isDisabled(GONE, "dep-1", URL)).isTrue();

		this.erasure.erase(GONE);

		assertThat(this.secretStore.find(GONE)).isEmpty();
		assertThat(this.secretStore.find(KEPT)).hasValueSatisfying((secret) -> {
			assertThat(secret.current()).isEqualTo(kept);
			assertThat(secret.revealed()).isTrue();
		});
		assertThat(this.stops.page(GONE, null, null).items()).isEmpty();
		assertThat(this.stops.isDisabled(GONE, "dep-1", URL)).as("seen at once here, though cached").isFalse();
		assertThat(this.stops.page(KEPT, null, null).items()).extracting(DisabledCallback::deploymentId)
			.containsExactly("dep-1");
		assertThat(this.stops.isDisabled(KEPT, "dep-1", URL)).isTrue();
	}

	@Test
	void erasesALargeOwnerABatchAtATime() {
		IntStream.range(0, 5).forEach((i) -> store(GONE, "exec-" + i, DeliveryStatus.SUCCEEDED));
		IntStream.range(0, 3).forEach((i) -> this.stops.disable(stop(GONE, "dep-" + i)));

		OwnerErasure.Erased erased = this.erasure.erase(GONE);

		assertThat(erased.deliveries()).isEqualTo(5);
		assertThat(erased.disabledCallbacks()).isEqualTo(3);
		assertThat(this.deliveries.page(GONE, null, null, 100)).isEmpty();
		assertThat(this.deliveries.deleteBatches()).as("no batch larger than %d", BATCH)
			.isNotEmpty()
			.allSatisfy((limit) -> assertThat(limit).isLessThanOrEqualTo(BATCH));
	}

	@Test
	void erasingAgainFindsNothingAndChangesNothing() {
		store(GONE, "exec-1", DeliveryStatus.PENDING);
		Delivery other = store(KEPT, "exec-2", DeliveryStatus.PENDING);
		this.secrets.rotate(GONE, null);
		this.stops.disable(stop(GONE, "dep-1"));
		OwnerErasure.Erased first = this.erasure.erase(GONE);
		this.clock.advance(Duration.ofHours(1));

		OwnerErasure.Erased again = this.erasure.erase(GONE);

		assertThat(first).isEqualTo(new OwnerErasure.Erased(1, true, 1));
		assertThat(again.isEmpty()).isTrue();
		assertThat(this.erasedOwners.erasedAt(GONE)).isEqualTo(NOW);
		assertThat(this.deliveries.find(KEPT, other.id())).contains(other);
	}

	@Test
	void anErasureThatFailsHalfwayIsCompletedByTheNextAndTheOwnerIsErasedFromItsStart() {
		InMemoryDeliveryStore failingOnce = new InMemoryDeliveryStore() {

			private boolean failed;

			@Override
			public synchronized int deleteSomeOf(String ownerId, int limit) {
				if (!this.failed && !deleteBatches().isEmpty()) {
					this.failed = true;
					throw new IllegalStateException("store down");
				}
				return super.deleteSomeOf(ownerId, limit);
			}

		};
		IntStream.range(0, 5)
			.forEach((i) -> failingOnce.insertAll(List.of(delivery(GONE, "exec-" + i, DeliveryStatus.PENDING)),
					Map.of()));
		OwnerErasure erasure = new OwnerErasure(this.erased, failingOnce, this.secrets, this.stops, BATCH);

		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> erasure.erase(GONE));
		assertThat(this.erased.isErased(GONE)).as("nothing of the owner is sent or stored meanwhile").isTrue();
		erasure.erase(GONE);

		assertThat(failingOnce.page(GONE, null, null, 100)).isEmpty();
	}

	@Test
	void refusesADeletionThatNamesNoOwner() {
		for (String ownerId : new String[] { null, "", " " }) {
			assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> this.erasure.erase(ownerId));
		}
		assertThat(this.erasedOwners.containedIn(List.of("", " "))).isEmpty();
	}

	private Delivery store(String ownerId, String executionId, DeliveryStatus status) {
		Delivery delivery = delivery(ownerId, executionId, status);
		this.deliveries.insertAll(List.of(delivery), Map.of());
		return delivery;
	}

	private static Delivery delivery(String ownerId, String executionId, DeliveryStatus status) {
		boolean pending = status == DeliveryStatus.PENDING;
		return new Delivery(Delivery.idFor(executionId, DeliveryChannel.CALLBACK), executionId, ownerId, "dep-1",
				DeliveryChannel.CALLBACK, URL, ownerId + " https://hooks.example.com:443", Message.callback("{}"),
				status, 1, 1, pending ? NOW : null, pending ? null : "done", NOW, NOW, pending ? null : NOW, null);
	}

	private static DisabledCallback stop(String ownerId, String deploymentId) {
		return new DisabledCallback(ownerId, deploymentId, URL, NOW, "HTTP 410 Gone");
	}

}
