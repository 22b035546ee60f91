package dev.flowgate.gateway.domain.view;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AppliedWaitersTest {

	private static final Duration LONG = Duration.ofMinutes(1);

	private static final Duration SHORT = Duration.ofMillis(50);

	private final AppliedWaiters<String> waiters = new AppliedWaiters<>(2);

	@Test
	void completesAtOnceWhenTheRecordIsAlreadyAsExpected() {
		CompletableFuture<Boolean> applied = this.waiters.await("r-1", "v2"::equals, () -> "v2", LONG);

		assertThat(applied).isCompletedWithValue(true);
		assertThat(this.waiters.count()).isZero();
	}

	@Test
	void completesOnceAStateAsExpectedIsApplied() {
		CompletableFuture<Boolean> applied = this.waiters.await("r-1", "v2"::equals, () -> "v1", LONG);

		this.waiters.applied("r-2", "v2");
		this.waiters.applied("r-1", "v1");
		assertThat(applied).isNotDone();

		this.waiters.applied("r-1", "v2");
		assertThat(applied).isCompletedWithValue(true);
		assertThat(this.waiters.count()).isZero();
	}

	@Test
	void completesEveryCallWaitingForTheSameRecord() {
		CompletableFuture<Boolean> first = this.waiters.await("r-1", "v2"::equals, () -> null, LONG);
		CompletableFuture<Boolean> second = this.waiters.await("r-1", "v2"::equals, () -> null, LONG);

		this.waiters.applied("r-1", "v2");

		assertThat(first).isCompletedWithValue(true);
		assertThat(second).isCompletedWithValue(true);
	}

	@Test
	void waitsForAnAbsentRecord() {
		CompletableFuture<Boolean> deleted = this.waiters.await("r-1", (state) -> state == null, () -> "v1", LONG);

		this.waiters.applied("r-1", null);

		assertThat(deleted).isCompletedWithValue(true);
	}

	@Test
	void givesUpAfterTheTimeoutAndForgetsTheWaiter() {
		CompletableFuture<Boolean> applied = this.waiters.await("r-1", "v2"::equals, () -> "v1", SHORT);

		assertThat(applied.join()).isFalse();
		assertThat(this.waiters.count()).isZero();
		this.waiters.applied("r-1", "v2");
		assertThat(applied).isCompletedWithValue(false);
	}

	@Test
	void doesNotWaitPastItsCapacityUntilAWaiterLeaves() {
		CompletableFuture<Boolean> first = this.waiters.await("r-1", "v2"::equals, () -> "v1", LONG);
		this.waiters.await("r-2", "v2"::equals, () -> "v1", LONG);

		assertThat(this.waiters.await("r-3", "v2"::equals, () -> "v1", LONG)).isCompletedWithValue(false);

		this.waiters.applied("r-1", "v2");
		assertThat(first).isCompletedWithValue(true);
		assertThat(this.waiters.await("r-3", "v2"::equals, () -> "v1", LONG)).isNotDone();
		assertThat(this.waiters.count()).isEqualTo(2);
	}

}
