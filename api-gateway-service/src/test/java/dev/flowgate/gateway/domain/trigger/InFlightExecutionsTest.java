package dev.flowgate.gateway.domain.trigger;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.flowgate.contracts.DeploymentMode;
import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.TriggerSource;
import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.infra.test.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InFlightExecutionsTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));

	private final InFlightElsewhere elsewhere = new InFlightElsewhere(this.clock, Duration.ofSeconds(5));

	private final InFlightExecutions inFlight = new InFlightExecutions(this.elsewhere, this.clock,
			Duration.ofSeconds(30));

	private final Instant deadline = this.clock.instant().plusSeconds(300);

	@Test
	void completesTheFutureOfTheExecutionWhoseResultArrives() {
		CompletableFuture<ExecutionCompleted> first = this.inFlight.start(sync("e-1", "d", this.deadline), null);
		CompletableFuture<ExecutionCompleted> second = this.inFlight.start(sync("e-2", "d", this.deadline), null);
		ExecutionCompleted result = completed("e-2");

		this.inFlight.completed("e-2", () -> result);

		assertThat(second).isCompletedWithValue(result);
		assertThat(first).isNotDone();
		assertThat(this.inFlight.result("e-2")).isEmpty();
	}

	@Test
	void readsTheResultOfAnAsyncExecutionNeverButFreesItsSlot() {
		this.inFlight.start(requested("e-1", "d", DeploymentMode.ASYNC, this.deadline), 1);

		this.inFlight.completed("e-1", () -> {
			throw new AssertionError("nobody waits for this result");
		});

		assertThat(this.inFlight.running("d")).isZero();
	}

	@Test
	void remembersTheStartOfAnAwaitedExecutionOnlyUntilItFinishes() {
		this.inFlight.start(sync("e-1", "d", this.deadline), null);
		Instant startedAt = this.clock.instant();

		this.inFlight.started("e-1", () -> startedAt);

		assertThat(this.inFlight.startedAt("e-1")).contains(startedAt);
		this.inFlight.completed("e-1", () -> completed("e-1"));
		assertThat(this.inFlight.startedAt("e-1")).isEmpty();
	}

	@Test
	void readsNoStartNoticeThatNobodyHereWaitsFor() {
		this.inFlight.start(requested("e-1", "d", DeploymentMode.ASYNC, this.deadline), null);

		this.inFlight.started("e-1", () -> {
			throw new AssertionError("nobody waits for this execution");
		});
		this.inFlight.started("someone-elses", () -> {
			throw new AssertionError("not started here");
		});

		assertThat(this.inFlight.startedAt("e-1")).isEmpty();
	}

	@Test
	void ignoresResultsOfExecutionsItDidNotStart() {
		this.inFlight.completed("someone-elses", () -> completed("someone-elses"));

		assertThat(this.inFlight.running("d")).isZero();
	}

	@Test
	void refusesMoreThanTheConcurrencyLimitUntilOneFinishes() {
		this.inFlight.start(sync("e-1", "d", this.deadline), 2);
		this.inFlight.start(sync("e-2", "d", this.deadline), 2);
		this.inFlight.start(sync("e-3", "other", this.deadline), 2);

		assertThatThrownBy(() -> this.inFlight.start(sync("e-4", "d", this.deadline), 2))
			.isInstanceOfSatisfying(Rejection.class, (rejection) -> {
				assertThat(rejection.reason()).isEqualTo(Rejection.Reason.RATE_LIMITED);
				assertThat(rejection.retryAfter()).isPositive();
			});
		this.inFlight.completed("e-1", () -> completed("e-1"));
		assertThat(this.inFlight.start(sync("e-4", "d", this.deadline), 2)).isNotDone();
	}

	@Test
	void countsTheExecutionsOtherReplicasHaveInFlightAgainstTheLimit() {
		this.elsewhere.counted("gw-2", Map.of("d", 1), this.clock.instant());
		this.inFlight.start(sync("e-1", "d", this.deadline), 2);

		assertThatThrownBy(() -> this.inFlight.start(sync("e-2", "d", this.deadline), 2)).isInstanceOf(Rejection.class);
		this.elsewhere.counted("gw-2", Map.of(), this.clock.instant());
		assertThat(this.inFlight.start(sync("e-2", "d", this.deadline), 2)).isNotDone();
	}

	@Test
	void stopsCountingAReplicaWhoseCountsNoLongerArrive() {
		this.elsewhere.counted("gw-2", Map.of("d", 1), this.clock.instant());

		this.clock.advance(Duration.ofSeconds(5));

		assertThat(this.elsewhere.running("d")).isZero();
		assertThat(this.inFlight.start(sync("e-1", "d", this.deadline), 1)).isNotDone();
	}

	@Test
	void leavesOutCountsAlreadyStaleWhenRead() {
		this.elsewhere.counted("gw-2", Map.of("d", 1), this.clock.instant().minusSeconds(4));
		this.elsewhere.counted("gw-3", Map.of("d", 1), this.clock.instant().minusSeconds(6));

		assertThat(this.elsewhere.running("d")).isEqualTo(1);
	}

	@Test
	void tellsTheOtherReplicasOnlyAboutDeploymentsWithALimitWhileTheyHaveExecutionsInFlight() {
		this.inFlight.start(sync("e-1", "limited", this.deadline), 5);
		this.inFlight.start(sync("e-2", "limited", this.deadline), 5);
		this.inFlight.start(sync("e-3", "unlimited", this.deadline), null);

		assertThat(this.inFlight.countLimited()).isEqualTo(Map.of("limited", 2));
		this.inFlight.completed("e-1", () -> completed("e-1"));
		this.inFlight.abandon("e-2");
		assertThat(this.inFlight.countLimited()).isEmpty();
	}

	@Test
	void freesTheSlotOfAnAbandonedTrigger() {
		this.inFlight.start(sync("e-1", "d", this.deadline), 1);

		this.inFlight.abandon("e-1");

		assertThat(this.inFlight.running("d")).isZero();
	}

	@Test
	void forgetsExecutionsLongPastTheirDeadline() {
		this.inFlight.start(sync("e-1", "d", this.deadline), 1);

		this.clock.advance(Duration.ofSeconds(300 + 30 + 1));

		assertThat(this.inFlight.start(sync("e-2", "d", this.clock.instant().plusSeconds(300)), 1)).isNotDone();
		assertThat(this.inFlight.result("e-1")).isEmpty();
	}

	@Test
	void joinsTheWaitForAnExecutionStartedAgainWithoutCountingItTwice() {
		CompletableFuture<ExecutionCompleted> first = this.inFlight.start(sync("e-1", "d", this.deadline), 1);

		CompletableFuture<ExecutionCompleted> again = this.inFlight.start(sync("e-1", "d", this.deadline), 1);

		assertThat(again).isSameAs(first);
		assertThat(this.inFlight.running("d")).isOne();
		ExecutionCompleted result = completed("e-1");
		this.inFlight.completed("e-1", () -> result);
		assertThat(first).isCompletedWithValue(result);
		assertThat(this.inFlight.running("d")).isZero();
	}

	@Test
	void keepsAnExecutionStartedAgainWhileOneOfItsTriggersMayHaveBeenAccepted() {
		this.inFlight.start(sync("e-1", "d", this.deadline), null);
		this.inFlight.start(sync("e-1", "d", this.deadline), null);

		this.inFlight.abandon("e-1");

		assertThat(this.inFlight.result("e-1")).isPresent();
		assertThat(this.inFlight.running("d")).isOne();
		this.inFlight.abandon("e-1");
		assertThat(this.inFlight.result("e-1")).isEmpty();
		assertThat(this.inFlight.running("d")).isZero();
	}

	@Test
	void freesTheSlotOfAnExecutionPastItsDeadlineWhateverOrderTheyStartedIn() {
		this.inFlight.start(sync("e-late", "other", this.deadline.plusSeconds(600)), 1);
		this.inFlight.start(sync("e-1", "d", this.deadline), 1);
		this.inFlight.completed("e-1", () -> completed("e-1"));
		this.inFlight.start(sync("e-2", "d", this.deadline.minusSeconds(200)), 1);

		this.clock.advance(Duration.ofSeconds(100 + 30 + 1));

		assertThat(this.inFlight.start(sync("e-3", "d", this.deadline), 1)).isNotDone();
		assertThat(this.inFlight.result("e-2")).isEmpty();
		assertThat(this.inFlight.result("e-late")).isPresent();
		assertThat(this.inFlight.running("d")).isOne();
		assertThat(this.inFlight.running("other")).isOne();
	}

	private static ExecutionRequested sync(String executionId, String deploymentId, Instant deadline) {
		return requested(executionId, deploymentId, DeploymentMode.SYNC, deadline);
	}

	private static ExecutionRequested requested(String executionId, String deploymentId, DeploymentMode mode,
			Instant deadline) {
		return new ExecutionRequested(UUID.randomUUID(), ExecutionRequested.SCHEMA_VERSION, deadline.minusSeconds(300),
				executionId, "o", deploymentId, 1, "k", TriggerSource.NATIVE, mode, Map.of(), "gw", deadline, null,
				null, null, null);
	}

	static ExecutionCompleted completed(String executionId) {
		Instant now = Instant.parse("2026-11-23T10:00:01Z");
		return new ExecutionCompleted(UUID.randomUUID(), 1, now, executionId, "o", "d", 1, ExecutionStatus.SUCCEEDED,
				null, null, null, now, now, 5, null, "gw", null, null, null, null);
	}

}
