package dev.flowgate.delivery.domain.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

import dev.flowgate.delivery.domain.delivery.AttemptOutcome.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RetryPolicyTest {

	private static final List<Duration> STANDARD = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
			Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
			Duration.ofHours(14), Duration.ofHours(20), Duration.ofHours(24));

	private static final RandomGenerator LOWEST = () -> 0L;

	private static final RandomGenerator HIGHEST = () -> -1L;

	@Test
	void followsTheStandardWebhooksScheduleWithinTwentyPercent() {
		RetryPolicy low = policy(LOWEST);
		RetryPolicy high = policy(HIGHEST);

		assertThat(low.firstDelay()).isZero();
		assertThat(low.delayAfter(1, failed())).contains(Duration.ofSeconds(4));
		assertThat(high.delayAfter(1, failed()).orElseThrow()).isBetween(Duration.ofMillis(5990),
				Duration.ofSeconds(6));
		assertThat(low.delayAfter(2, failed())).contains(Duration.ofMinutes(4));
		assertThat(low.delayAfter(9, failed())).contains(Duration.ofMinutes(24 * 60 * 8 / 10));
	}

	@Test
	void stopsAfterTheLastAttempt() {
		assertThat(policy(LOWEST).delayAfter(STANDARD.size(), failed())).isEmpty();
	}

	@Test
	void waitsAtLeastAMinuteAfterATimeoutOrA429() {
		AttemptOutcome throttled = new AttemptOutcome(Verdict.THROTTLED, null, Duration.ZERO, 429, "HTTP 429", null,
				null);

		assertThat(policy(LOWEST).delayAfter(1, throttled)).contains(Duration.ofSeconds(60));
		assertThat(policy(LOWEST).delayAfter(3, throttled)).contains(Duration.ofMinutes(24));
	}

	@Test
	void honoursRetryAfterUpToTheCap() {
		AttemptOutcome asksForTenMinutes = new AttemptOutcome(Verdict.RETRYABLE, null, Duration.ZERO, 503, "HTTP 503",
				null, Duration.ofMinutes(10));
		AttemptOutcome asksForAWeek = new AttemptOutcome(Verdict.RETRYABLE, null, Duration.ZERO, 503, "HTTP 503", null,
				Duration.ofDays(7));

		assertThat(policy(LOWEST).delayAfter(1, asksForTenMinutes)).contains(Duration.ofMinutes(10));
		assertThat(policy(LOWEST).delayAfter(1, asksForAWeek)).contains(Duration.ofHours(24));
	}

	@Test
	void aRoundIsOverOnceTheWholeScheduleHasPassedAtTheMostJitter() {
		Instant started = Instant.parse("2026-11-23T10:00:00Z");
		// 75 h 35 min 5 s, plus 20 %.
		Instant lastDue = started.plus(Duration.ofHours(90).plusMinutes(42).plusSeconds(6));

		assertThat(policy(LOWEST).roundOver(started, lastDue)).isFalse();
		assertThat(policy(LOWEST).roundOver(started, lastDue.plusSeconds(1))).isTrue();
	}

	@Test
	void deliveriesHeldBackComeBackAfterTheWaitWithUpToTheJitterAdded() {
		Duration wait = Duration.ofSeconds(60);

		assertThat(policy(LOWEST).heldBackFor(wait)).isEqualTo(wait);
		assertThat(policy(HIGHEST).heldBackFor(wait)).isBetween(Duration.ofMillis(71_990), Duration.ofSeconds(72));
		RetryPolicy policy = policy(new SplittableRandom(7));
		List<Duration> waits = Stream.generate(() -> policy.heldBackFor(wait)).limit(20).toList();
		assertThat(waits).allSatisfy((held) -> assertThat(held).isBetween(wait, Duration.ofSeconds(72)))
			.doesNotHaveDuplicates();
	}

	@Test
	void rejectsAnEmptyScheduleOrWildJitter() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetryPolicy(List.of(), 0.2, Duration.ZERO, Duration.ZERO, LOWEST));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetryPolicy(STANDARD, 1.0, Duration.ZERO, Duration.ZERO, LOWEST));
	}

	private static RetryPolicy policy(RandomGenerator random) {
		return new RetryPolicy(STANDARD, 0.2, Duration.ofSeconds(60), Duration.ofHours(24), random);
	}

	private static AttemptOutcome failed() {
		return new AttemptOutcome(Verdict.RETRYABLE, null, Duration.ZERO, 500, "HTTP 500", null, null);
	}

}
