package dev.flowgate.gateway.domain.limit;

import java.time.Duration;
import java.time.Instant;

import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.infra.test.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManagementLimitsTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));

	private final ManagementLimits limits = new ManagementLimits(this.clock, 3);

	@Test
	void allowsEachOwnerABurstUpToTheLimitThenTellsHowLongToWait() {
		for (int i = 0; i < 3; i++) {
			this.limits.acquire(ManagementBudget.ofOwner("owner-1"));
		}

		assertThatThrownBy(() -> this.limits.acquire(ManagementBudget.ofOwner("owner-1")))
			.isInstanceOfSatisfying(Rejection.class, (rejection) -> {
				assertThat(rejection.reason()).isEqualTo(Rejection.Reason.RATE_LIMITED);
				assertThat(rejection.getMessage()).contains("3 management API requests per minute");
				assertThat(rejection.retryAfter()).isEqualTo(Duration.ofSeconds(20));
				assertThat(rejection.quotas()).containsExactly(new Quota(3, 0, Duration.ofMinutes(1)));
			});
		assertThatCode(() -> this.limits.acquire(ManagementBudget.ofOwner("owner-2"))).doesNotThrowAnyException();
	}

	@Test
	void keepsAKeysBudgetApartFromItsOwners() {
		ManagementBudget owner = ManagementBudget.ofOwner("owner-1");
		ManagementBudget runKey = ManagementBudget.ofKey("key-1");
		for (int i = 0; i < 3; i++) {
			this.limits.acquire(runKey);
		}

		assertThatThrownBy(() -> this.limits.acquire(runKey)).isInstanceOfSatisfying(Rejection.class,
				(rejection) -> assertThat(rejection.getMessage())
					.isEqualTo("This API key's rate limit of 3 management API requests per minute is used up"));
		assertThatCode(() -> this.limits.acquire(owner)).doesNotThrowAnyException();
		assertThat(this.limits.quota(owner)).contains(new Quota(3, 2, Duration.ofSeconds(20)));
		assertThat(this.limits.quota(ManagementBudget.ofKey("owner-1"))).as("a key's id is not an owner's")
			.contains(new Quota(3, 3, Duration.ZERO));
	}

	@Test
	void allowsTheNextCallOnceATokenHasRefilled() {
		for (int i = 0; i < 3; i++) {
			this.limits.acquire(ManagementBudget.ofOwner("owner-1"));
		}
		this.clock.advance(Duration.ofSeconds(20));

		assertThatCode(() -> this.limits.acquire(ManagementBudget.ofOwner("owner-1"))).doesNotThrowAnyException();
		assertThatThrownBy(() -> this.limits.acquire(ManagementBudget.ofOwner("owner-1")))
			.isInstanceOf(Rejection.class);
	}

	@Test
	void tellsWhatIsLeftOfAnOwnersLimitWithoutTakingFromIt() {
		this.limits.acquire(ManagementBudget.ofOwner("owner-1"));
		this.limits.acquire(ManagementBudget.ofOwner("owner-1"));

		assertThat(this.limits.quota(ManagementBudget.ofOwner("owner-1")))
			.contains(new Quota(3, 1, Duration.ofSeconds(40)));
		assertThat(this.limits.quota(ManagementBudget.ofOwner("owner-1")))
			.contains(new Quota(3, 1, Duration.ofSeconds(40)));
		assertThat(this.limits.quota(ManagementBudget.ofOwner("owner-2"))).contains(new Quota(3, 3, Duration.ZERO));
	}

	@Test
	void limitsNothingAndReportsNoLimitWhenTurnedOff() {
		for (int perMinute : new int[] { 0, -1 }) {
			ManagementLimits off = new ManagementLimits(this.clock, perMinute);

			for (int i = 0; i < 100; i++) {
				off.acquire(ManagementBudget.ofOwner("owner-1"));
			}

			assertThat(off.quota(ManagementBudget.ofOwner("owner-1"))).isEmpty();
		}
	}

	@Test
	void forgetsOwnersWhoseBucketHasRefilled() {
		this.limits.acquire(ManagementBudget.ofOwner("owner-1"));
		this.limits.acquire(ManagementBudget.ofOwner("owner-2"));
		this.clock.advance(Duration.ofSeconds(20));
		this.limits.acquire(ManagementBudget.ofOwner("owner-2"));

		assertThat(this.limits.forgetIdle()).as("owner-1 refilled, owner-2 not yet").isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(20));
		assertThat(this.limits.forgetIdle()).isEqualTo(1);
		assertThat(this.limits.forgetIdle()).isZero();
		assertThat(this.limits.quota(ManagementBudget.ofOwner("owner-2"))).contains(new Quota(3, 3, Duration.ZERO));
	}

}
