package dev.flowgate.gateway.domain.limit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.InFlightExecutionsCounted;
import dev.flowgate.contracts.RateLimitRequestsCounted;
import dev.flowgate.contracts.RateLimitRequestsCounted.Counted;
import dev.flowgate.contracts.RateLimitRequestsCounted.Limit;
import dev.flowgate.gateway.domain.trigger.InFlightElsewhere;
import dev.flowgate.infra.test.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SharedLimitCountsTest {

	private static final String THIS_REPLICA = "gw-a";

	private static final String OTHER_REPLICA = "gw-b";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));

	private final Instant started = this.clock.instant();

	private final RateLimits limits = new RateLimits(this.clock);

	private final InFlightElsewhere elsewhere = new InFlightElsewhere(this.clock, Duration.ofSeconds(5));

	private final List<Integer> requestsReceived = new ArrayList<>();

	private final SharedLimitCounts counts = new SharedLimitCounts(this.limits, this.elsewhere, THIS_REPLICA,
			this.clock, this.requestsReceived::add);

	@Test
	void countsAnotherReplicasCallsAgainstTheRateLimitsHere() {
		this.counts.received(OTHER_REPLICA, this.started, () -> requestsCounted(OTHER_REPLICA, 2));

		assertThat(this.limits.keyQuota("k", 3).orElseThrow().remaining()).isEqualTo(1);
		assertThat(this.requestsReceived).containsExactly(2);
	}

	@Test
	void addsAnotherReplicasExecutionsInFlightToTheConcurrencyCount() {
		this.counts.received(OTHER_REPLICA, this.started, () -> new InFlightExecutionsCounted(UUID.randomUUID(),
				InFlightExecutionsCounted.SCHEMA_VERSION, this.clock.instant(), OTHER_REPLICA, Map.of("d", 2)));

		assertThat(this.elsewhere.running("d")).isEqualTo(2);
		assertThat(this.requestsReceived).isEmpty();
	}

	@Test
	void skipsWhatThisProcessSentWithoutReadingIt() {
		this.clock.advance(Duration.ofSeconds(1));

		this.counts.received(THIS_REPLICA, this.started, unreadable());
		this.counts.received(THIS_REPLICA, this.clock.instant(), unreadable());

		assertThat(this.limits.keyQuota("k", 3).orElseThrow().remaining()).isEqualTo(3);
		assertThat(this.requestsReceived).isEmpty();
	}

	@Test
	void countsWhatThisReplicaSentBeforeItRestartedUnderTheSameId() {
		this.counts.received(THIS_REPLICA, this.started.minusMillis(1), () -> requestsCounted(THIS_REPLICA, 3));

		assertThat(this.limits.keyQuota("k", 3).orElseThrow().remaining()).isZero();
		assertThat(this.requestsReceived).containsExactly(3);
	}

	private RateLimitRequestsCounted requestsCounted(String gatewayId, int requests) {
		return new RateLimitRequestsCounted(UUID.randomUUID(), RateLimitRequestsCounted.SCHEMA_VERSION,
				this.clock.instant(), gatewayId, List.of(new Counted(Limit.KEY, "k", 3, requests)));
	}

	private static Supplier<FlowgateEvent> unreadable() {
		return () -> {
			throw new AssertionError("read what this process sent");
		};
	}

}
