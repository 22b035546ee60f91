package dev.flowgate.delivery.domain.callback;

import java.time.Duration;
import java.time.Instant;

import dev.flowgate.delivery.domain.InvalidRequestException;
import dev.flowgate.delivery.domain.owner.ErasedOwners;
import dev.flowgate.delivery.domain.owner.InMemoryErasedOwnerStore;
import dev.flowgate.infra.test.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DisabledCallbackServiceTest {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	private static final Duration TTL = Duration.ofSeconds(2);

	private static final String URL = "https://x.example/hook";

	private final MutableClock clock = new MutableClock(NOW);

	private final InMemoryDisabledCallbacks store = new InMemoryDisabledCallbacks();

	private final InMemoryErasedOwnerStore erasedOwners = new InMemoryErasedOwnerStore();

	private final DisabledCallbackService here = new DisabledCallbackService(this.store,
			new ErasedOwners(this.erasedOwners, TTL, this.clock), TTL, this.clock);

	private final DisabledCallbackService elsewhere = new DisabledCallbackService(this.store,
			new ErasedOwners(this.erasedOwners, TTL, this.clock), TTL, this.clock);

	@Test
	void aStopOrItsLiftingHereAppliesAtOnce() {
		assertThat(this.here.isDisabled("owner-1", "dep-1", URL)).isFalse();

		this.here.disable(stop("owner-1", "dep-1"));
		assertThat(this.here.isDisabled("owner-1", "dep-1", URL)).isTrue();
		assertThat(this.here.isDisabled("owner-2", "dep-1", URL)).isFalse();

		this.here.enable("owner-1", "dep-1");
		assertThat(this.here.isDisabled("owner-1", "dep-1", URL)).isFalse();
	}

	@Test
	void aStopByAnotherInstanceAppliesWithinTheTimeToLive() {
		assertThat(this.here.isDisabled("owner-1", "dep-1", URL)).isFalse();

		this.elsewhere.disable(stop("owner-1", "dep-1"));
		this.clock.advance(TTL);

		assertThat(this.here.isDisabled("owner-1", "dep-1", URL)).isTrue();
	}

	@Test
	void aStopHoldsForItsUrlOnlyAndEnablingLiftsEveryStopOfTheDeployment() {
		String other = "https://caller.example/own-hook";
		this.here.disable(stop("owner-1", "dep-1"));
		this.here.disable(new DisabledCallback("owner-1", "dep-1", other, NOW, "HTTP 410 Gone"));
		assertThat(this.here.isDisabled("owner-1", "dep-1", "https://y.example/hook")).isFalse();

		this.here.enable("owner-1", "dep-1");

		assertThat(this.here.isDisabled("owner-1", "dep-1", URL)).isFalse();
		assertThat(this.here.isDisabled("owner-1", "dep-1", other)).isFalse();
	}

	@Test
	void a410ForAnErasedOwnerLeavesNoStop() {
		// An attempt in flight when its owner was erased, answered 410 after the erasure.
		this.erasedOwners.add("owner-1", NOW);

		this.here.disable(stop("owner-1", "dep-1"));

		assertThat(this.here.page("owner-1", null, null).items()).isEmpty();
		assertThat(this.here.isDisabled("owner-1", "dep-1", URL)).isFalse();
		this.here.disable(stop("owner-2", "dep-1"));
		assertThat(this.here.isDisabled("owner-2", "dep-1", URL)).isTrue();
	}

	@Test
	void enablingWhatIsNotDisabledChangesNothingAndIsNoError() {
		this.here.disable(stop("owner-1", "dep-1"));

		this.here.enable("owner-1", "dep-2");
		this.here.enable("owner-2", "dep-1");
		this.here.enable("owner-1", "dep-1");
		this.here.enable("owner-1", "dep-1");

		assertThat(this.here.isDisabled("owner-1", "dep-1", URL)).isFalse();
	}

	@Test
	void anotherOwnersEnablingLiftsNoStop() {
		this.here.disable(stop("owner-1", "dep-1"));

		this.here.enable("owner-2", "dep-1");

		assertThat(this.here.isDisabled("owner-1", "dep-1", URL)).isTrue();
	}

	@Test
	void pagesHoldAHundredUnlessALimitFromOneToAHundredIsGiven() {
		for (int i = 0; i < 101; i++) {
			this.here.disable(new DisabledCallback("owner-1", "dep-" + i, URL, NOW.plusSeconds(i), "HTTP 410 Gone"));
		}

		DisabledCallbackPage first = this.here.page("owner-1", null, null);
		DisabledCallbackPage rest = this.here.page("owner-1", first.next().encode(), null);

		assertThat(first.items()).hasSize(100);
		assertThat(first.items().get(0).deploymentId()).isEqualTo("dep-100");
		assertThat(rest.items()).extracting(DisabledCallback::deploymentId).containsExactly("dep-0");
		assertThat(rest.next()).isNull();
		assertThat(this.here.page("owner-1", null, 1).items()).hasSize(1);
		for (int limit : new int[] { 0, 101 }) {
			assertThatExceptionOfType(InvalidRequestException.class)
				.isThrownBy(() -> this.here.page("owner-1", null, limit))
				.satisfies((ex) -> assertThat(ex.field()).isEqualTo("limit"));
		}
	}

	@Test
	void rejectsACursorNoPageGave() {
		for (String cursor : new String[] { "!!", "bm8tc2VwYXJhdG9y", "eDpkZXAtMQ" }) {
			assertThatExceptionOfType(InvalidRequestException.class)
				.isThrownBy(() -> this.here.page("owner-1", cursor, null))
				.satisfies((ex) -> assertThat(ex.field()).isEqualTo("cursor"));
		}
	}

	private static DisabledCallback stop(String ownerId, String deploymentId) {
		return new DisabledCallback(ownerId, deploymentId, URL, NOW, "HTTP 410 Gone");
	}

}
