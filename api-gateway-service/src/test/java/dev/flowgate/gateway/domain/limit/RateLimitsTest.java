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
				});
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
	void startsAFreshBucketWhenTheLimitChanges() {
		this.limits.acquireForKey("k", 1);

		assertThatCode(() -> this.limits.acquireForKey("k", 2)).doesNotThrowAnyException();
	}

}
