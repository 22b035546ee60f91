package dev.flowgate.gateway.domain.limit;

import java.time.Duration;
import java.time.Instant;

import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.gateway.support.MutableClock;
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
					assertThat(rejection.quota()).isEqualTo(new Quota(3, 0, Duration.ofMinutes(1)));
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
		for (int i = 0; i < 1000; i++) {
			this.limits.acquireForKey("k", null);
		}
	}

	@Test
	void forgetsOnlyRefilledBucketsWithoutChangingWhatCallersMayDo() {
		this.limits.acquireForKey("refilled", 3);
		this.clock.advance(Duration.ofSeconds(20));
		this.limits.acquireForKey("busy", 60);

		assertThat(this.limits.forgetFull()).isEqualTo(1);
		assertThat(this.limits.keyQuota("busy", 60).orElseThrow().remaining()).isEqualTo(59);
		assertThat(this.limits.forgetFull()).isZero();
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
