package dev.flowgate.gateway.domain.limit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.flowgate.contracts.RateLimitRequestsCounted.Counted;
import dev.flowgate.contracts.RateLimitRequestsCounted.Limit;
import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.infra.test.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitsTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));

	private final RateLimits limits = new RateLimits(this.clock);

	@Test
	void allowsABurstUpToTheLimitThenTellsHowLongToWait() {
		for (int i = 0; i < 3; i++) {
			this.limits.acquireForKey("k", 3);
		}

		assertThatThrownBy(() -> this.limits.acquireForKey("k", 3)).isInstanceOfSatisfying(Rejection.class,
				(rejection) -> {
					assertThat(rejection.reason()).isEqualTo(Rejection.Reason.RATE_LIMITED);
					assertThat(rejection.retryAfter()).isEqualTo(Duration.ofSeconds(20));
					assertThat(rejection.quotas()).containsExactly(new Quota(3, 0, Duration.ofMinutes(1)));
				});
	}

	@Test
	void tellsWhatIsLeftOfALimitWithoutTakingFromIt() {
		this.limits.acquireForKey("k", 3);
		this.limits.acquireForKey("k", 3);
		this.clock.advance(Duration.ofSeconds(5));

		Quota left = this.limits.keyQuota("k", 3).orElseThrow();

		assertThat(left.perMinute()).isEqualTo(3);
		assertThat(left.remaining()).isEqualTo(1);
		assertThat(left.untilFull()).isEqualTo(Duration.ofSeconds(35));
		assertThat(this.limits.keyQuota("k", 3)).contains(left);
	}

	@Test
	void showsAnUntouchedOrChangedLimitFullAndNoneWithoutALimit() {
		this.limits.acquireForDeployment("d", 6);

		assertThat(this.limits.deploymentQuota("other", 6)).contains(new Quota(6, 6, Duration.ZERO));
		assertThat(this.limits.deploymentQuota("d", 10)).contains(new Quota(10, 10, Duration.ZERO));
		assertThat(this.limits.keyQuota("d", 6)).contains(new Quota(6, 6, Duration.ZERO));
		assertThat(this.limits.keyQuota("k", null)).isEmpty();
	}

	@Test
	void countsWhatOtherReplicasAllowedAgainstTheSameLimit() {
		this.limits.countedElsewhere(List.of(new Counted(Limit.KEY, "k", 3, 2)), this.clock.instant());

		this.limits.acquireForKey("k", 3);

		assertThatThrownBy(() -> this.limits.acquireForKey("k", 3)).isInstanceOfSatisfying(Rejection.class,
				(rejection) -> assertThat(rejection.quotas().get(0).remaining()).isZero());
		assertThat(this.limits.deploymentQuota("k", 3)).contains(new Quota(3, 3, Duration.ZERO));
	}

	@Test
	void sharesEachRequestAllowedHereOnceAndNoneRefused() {
		this.limits.acquireForKey("k", 2);
		this.limits.acquireForKey("k", 2);
		assertThatThrownBy(() -> this.limits.acquireForKey("k", 2)).isInstanceOf(Rejection.class);
		this.limits.acquireForDeployment("d", 10);
		this.limits.countedElsewhere(List.of(new Counted(Limit.DEPLOYMENT, "d", 10, 4)), this.clock.instant());

		assertThat(this.limits.drainCounted()).containsExactlyInAnyOrder(new Counted(Limit.KEY, "k", 2, 2),
				new Counted(Limit.DEPLOYMENT, "d", 10, 1));
		assertThat(this.limits.drainCounted()).isEmpty();
	}

	@Test
	void paysBackRequestsAllowedElsewhereBeyondTheLimitBeforeAllowingMore() {
		for (int i = 0; i < 6; i++) {
			this.limits.acquireForKey("k", 6);
		}
		this.limits.countedElsewhere(List.of(new Counted(Limit.KEY, "k", 6, 3)), this.clock.instant());

		this.clock.advance(Duration.ofSeconds(30));
		assertThatThrownBy(() -> this.limits.acquireForKey("k", 6)).isInstanceOfSatisfying(Rejection.class,
				(rejection) -> assertThat(rejection.retryAfter()).isEqualTo(Duration.ofSeconds(10)));
		this.clock.advance(Duration.ofSeconds(10));
		assertThatCode(() -> this.limits.acquireForKey("k", 6)).doesNotThrowAnyException();
	}

	@Test
	void countsReadAgainAtStartLeaveTheBucketAsTheOtherReplicasLeftTheirs() {
		Instant now = this.clock.instant();

		this.limits.countedElsewhere(List.of(new Counted(Limit.KEY, "k", 6, 4)), now.minusSeconds(50));
		this.limits.countedElsewhere(List.of(new Counted(Limit.KEY, "k", 6, 3)), now.minusSeconds(30));

		// 6 - 4, + 2 refilled by the second count, - 3, + 3 refilled since.
		assertThat(this.limits.keyQuota("k", 6).orElseThrow().remaining()).isEqualTo(4);
	}

	@Test
	void refillsNothingAheadOfItsOwnClockForASenderWhoseClockIsAhead() {
		this.limits.countedElsewhere(List.of(new Counted(Limit.KEY, "k", 6, 6)), this.clock.instant().plusSeconds(30));

		assertThat(this.limits.keyQuota("k", 6).orElseThrow().remaining()).isZero();
		this.clock.advance(Duration.ofSeconds(10));
		assertThat(this.limits.keyQuota("k", 6).orElseThrow().remaining()).isEqualTo(1);
	}

	@Test
	void ignoresCountsAgainstAnotherLimitThanItApplies() {
		this.limits.acquireForKey("k", 3);

		this.limits.countedElsewhere(List.of(new Counted(Limit.KEY, "k", 5, 5)), this.clock.instant());

		assertThat(this.limits.keyQuota("k", 3).orElseThrow().remaining()).isEqualTo(2);
	}

	@Test
	void keepsABucketUntilWhatItAllowedIsShared() {
		this.limits.acquireForKey("k", 60);
		this.clock.advance(Duration.ofMinutes(1));

		assertThat(this.limits.forgetIdle()).isZero();
		assertThat(this.limits.drainCounted()).containsExactly(new Counted(Limit.KEY, "k", 60, 1));
		assertThat(this.limits.forgetIdle()).isEqualTo(1);
	}

	@Test
	void refillsEvenlyOverAMinute() {
		for (int i = 0; i < 6; i++) {
			this.limits.acquireForDeployment("d", 6);
		}

		this.clock.advance(Duration.ofSeconds(10));

		assertThatCode(() -> this.limits.acquireForDeployment("d", 6)).doesNotThrowAnyException();
		assertThatThrownBy(() -> this.limits.acquireForDeployment("d", 6)).isInstanceOf(Rejection.class);
	}

	@Test
	void countsKeysAndDeploymentsSeparately() {
		this.limits.acquireForKey("same-id", 1);

		assertThatCode(() -> this.limits.acquireForDeployment("same-id", 1)).doesNotThrowAnyException();
		assertThatCode(() -> this.limits.acquireForKey("other", 1)).doesNotThrowAnyException();
	}

	@Test
	void appliesNoLimitWhenNoneIsSet() {
		assertThatCode(() -> {
			for (int i = 0; i < 1000; i++) {
				this.limits.acquireForKey("k", null);
			}
		}).doesNotThrowAnyException();
	}

	@Test
	void forgetsOnlyRefilledBucketsWithoutChangingWhatCallersMayDo() {
		this.limits.acquireForKey("refilled", 3);
		this.clock.advance(Duration.ofSeconds(20));
		this.limits.acquireForKey("busy", 60);
		this.limits.drainCounted();

		assertThat(this.limits.forgetIdle()).isEqualTo(1);
		assertThat(this.limits.keyQuota("busy", 60).orElseThrow().remaining()).isEqualTo(59);
		assertThat(this.limits.forgetIdle()).isZero();
		for (int i = 0; i < 3; i++) {
			this.limits.acquireForKey("refilled", 3);
		}
		assertThatThrownBy(() -> this.limits.acquireForKey("refilled", 3)).isInstanceOf(Rejection.class);
	}

	@Test
	void startsAFreshBucketWhenTheLimitChanges() {
		this.limits.acquireForKey("k", 1);

		assertThatCode(() -> this.limits.acquireForKey("k", 2)).doesNotThrowAnyException();
	}

}
