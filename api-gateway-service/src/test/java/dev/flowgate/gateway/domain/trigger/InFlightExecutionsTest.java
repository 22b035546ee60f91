package dev.flowgate.gateway.domain.trigger;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.gateway.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InFlightExecutionsTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));

	private final InFlightExecutions inFlight = new InFlightExecutions(this.clock, Duration.ofSeconds(30));

	private final Instant deadline = this.clock.instant().plusSeconds(300);

	@Test
	void completesTheFutureOfTheExecutionWhoseResultArrives() {
		CompletableFuture<ExecutionCompleted> first = this.inFlight.start("e-1", "d", null, this.deadline);
		CompletableFuture<ExecutionCompleted> second = this.inFlight.start("e-2", "d", null, this.deadline);
		ExecutionCompleted result = completed("e-2");

		this.inFlight.completed(result);

		assertThat(second).isCompletedWithValue(result);
		assertThat(first).isNotDone();
		assertThat(this.inFlight.result("e-2")).isEmpty();
	}

	@Test
	void ignoresResultsOfExecutionsItDidNotStart() {
		this.inFlight.completed(completed("someone-elses"));

		assertThat(this.inFlight.running("d")).isZero();
	}

	@Test
	void refusesMoreThanTheConcurrencyLimitUntilOneFinishes() {
		this.inFlight.start("e-1", "d", 2, this.deadline);
		this.inFlight.start("e-2", "d", 2, this.deadline);
		this.inFlight.start("e-3", "other", 2, this.deadline);

		assertThatThrownBy(() -> this.inFlight.start("e-4", "d", 2, this.deadline))
			.isInstanceOfSatisfying(Rejection.class, (rejection) -> {
				assertThat(rejection.reason()).isEqualTo(Rejection.Reason.RATE_LIMITED);
				assertThat(rejection.retryAfter()).isPositive();
			});
		this.inFlight.completed(completed("e-1"));
		assertThat(this.inFlight.start("e-4", "d", 2, this.deadline)).isNotDone();
	}

	@Test
	void freesTheSlotOfAnAbandonedTrigger() {
		this.inFlight.start("e-1", "d", 1, this.deadline);

		this.inFlight.abandon("e-1");

		assertThat(this.inFlight.running("d")).isZero();
	}

	@Test
	void forgetsExecutionsLongPastTheirDeadline() {
		this.inFlight.start("e-1", "d", 1, this.deadline);

		this.clock.advance(Duration.ofSeconds(300 + 30 + 1));

		assertThat(this.inFlight.start("e-2", "d", 1, this.clock.instant().plusSeconds(300))).isNotDone();
		assertThat(this.inFlight.result("e-1")).isEmpty();
	}

	static ExecutionCompleted completed(String executionId) {
		Instant now = Instant.parse("2026-11-23T10:00:01Z");
		return new ExecutionCompleted(UUID.randomUUID(), 1, now, executionId, "o", "d", 1, ExecutionStatus.SUCCEEDED,
				null, null, null, now, now, 5, null, "gw", null, null);
	}

}
