package dev.flowgate.gateway.web;

import java.time.Duration;
import java.util.List;
import java.time.Instant;
import java.util.Set;

import dev.flowgate.contracts.KeyScope;
import dev.flowgate.gateway.domain.deployment.Deployment;
import dev.flowgate.gateway.domain.key.Caller;
import dev.flowgate.gateway.domain.limit.ManagementLimits;
import dev.flowgate.gateway.domain.limit.Quota;
import dev.flowgate.gateway.domain.limit.RateLimits;
import dev.flowgate.gateway.support.DeploymentStates;
import dev.flowgate.infra.test.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitHeadersTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));

	private final RateLimits limits = new RateLimits(this.clock);

	private final RateLimitHeaders headers = new RateLimitHeaders(this.limits, new ManagementLimits(this.clock, 0));

	@Test
	void listsBothLimitsOfATriggerAndDescribesTheOneCloserToRunningOut() {
		Caller caller = caller(100);
		Deployment deployment = deployment(3);
		this.limits.acquireForKey(caller.keyId(), 100);
		this.limits.acquireForDeployment(deployment.id(), 3);

		HttpHeaders answer = this.headers.forTrigger(caller, deployment);

		assertThat(answer.getFirst("RateLimit-Policy")).isEqualTo("100;w=60, 3;w=60");
		assertThat(answer.getFirst("RateLimit-Limit")).isEqualTo("3");
		assertThat(answer.getFirst("RateLimit-Remaining")).isEqualTo("2");
		assertThat(answer.getFirst("RateLimit-Reset")).isEqualTo("20");
	}

	@Test
	void roundsTheResetUpToWholeSeconds() {
		Caller caller = caller(7);
		this.limits.acquireForKey(caller.keyId(), 7);

		HttpHeaders answer = this.headers.forManagement(caller);

		// One request refills in 60/7 = 8.57 s.
		assertThat(answer.getFirst("RateLimit-Reset")).isEqualTo("9");
		assertThat(answer.getFirst("RateLimit-Remaining")).isEqualTo("6");
	}

	@Test
	void listsTheKeysAndTheOwnersLimitsOfAManagementCall() {
		ManagementLimits owners = new ManagementLimits(this.clock, 600);
		Caller caller = caller(100);
		this.limits.acquireForKey(caller.keyId(), 100);
		owners.acquire(caller.managementBudget());

		HttpHeaders answer = new RateLimitHeaders(this.limits, owners).forManagement(caller);

		assertThat(answer.getFirst("RateLimit-Policy")).isEqualTo("100;w=60, 600;w=60");
		assertThat(answer.getFirst("RateLimit-Limit")).isEqualTo("100");
		assertThat(answer.getFirst("RateLimit-Remaining")).isEqualTo("99");
	}

	@Test
	void sendsNoneWithoutALimit() {
		assertThat(this.headers.forTrigger(caller(null), deployment(null)).isEmpty()).isTrue();
		assertThat(this.headers.forManagement(caller(null)).isEmpty()).isTrue();
		assertThat(RateLimitHeaders.of(List.of()).isEmpty()).isTrue();
	}

	@Test
	void describesTheUsedUpLimitOfARefusal() {
		HttpHeaders answer = RateLimitHeaders.of(List.of(new Quota(10, 0, Duration.ofMillis(59_001))));

		assertThat(answer.getFirst("RateLimit-Policy")).isEqualTo("10;w=60");
		assertThat(answer.getFirst("RateLimit-Remaining")).isEqualTo("0");
		assertThat(answer.getFirst("RateLimit-Reset")).isEqualTo("60");
	}

	private static Caller caller(Integer perMinute) {
		return new Caller("key-1", "owner-1", Set.of(KeyScope.RUN), Set.of(), perMinute);
	}

	private static Deployment deployment(Integer perMinute) {
		return Deployment.of(DeploymentStates.of("owner-1").limits(null, perMinute).build());
	}

}
