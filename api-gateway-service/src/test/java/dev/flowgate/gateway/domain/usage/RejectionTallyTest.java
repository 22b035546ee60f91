package dev.flowgate.gateway.domain.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import dev.flowgate.gateway.domain.usage.RejectionTally.Summary;
import dev.flowgate.infra.test.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RejectionTallyTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));

	private final RejectionTally tally = new RejectionTally(this.clock);

	@Test
	void sumsRefusalsPerDeploymentAndReasonOverOneSpan() {
		this.tally.count("o-1", "d-1", "invalid_input");
		this.tally.count("o-1", "d-1", "invalid_input");
		this.tally.count("o-1", "d-1", "rate_limited");
		this.tally.count("o-2", "d-2", "forbidden");
		this.clock.advance(Duration.ofSeconds(10));

		List<Summary> summaries = this.tally.drain();

		Instant from = Instant.parse("2026-11-23T10:00:00Z");
		Instant to = from.plusSeconds(10);
		assertThat(summaries).containsExactlyInAnyOrder(
				new Summary("o-1", "d-1", from, to, Map.of("invalid_input", 2L, "rate_limited", 1L)),
				new Summary("o-2", "d-2", from, to, Map.of("forbidden", 1L)));
	}

	@Test
	void startsAfreshAfterEachDrain() {
		this.tally.count("o-1", "d-1", "invalid_input");
		this.tally.drain();
		this.clock.advance(Duration.ofSeconds(10));

		assertThat(this.tally.drain()).isEmpty();
		this.tally.count("o-1", "d-1", "forbidden");
		assertThat(this.tally.drain()).singleElement()
			.satisfies((summary) -> assertThat(summary.counts()).isEqualTo(Map.of("forbidden", 1L)));
	}

	@Test
	void addsRestoredCountsToTheNextSummaryFromWhenTheyWereCounted() {
		Instant start = this.clock.instant();
		this.tally.count("o-1", "d-1", "unavailable");
		this.clock.advance(Duration.ofSeconds(10));
		Summary unsent = this.tally.drain().get(0);
		this.clock.advance(Duration.ofSeconds(10));
		this.tally.count("o-1", "d-1", "unavailable");
		this.tally.count("o-1", "d-1", "rate_limited");

		this.tally.restore(unsent);

		assertThat(this.tally.drain()).singleElement().satisfies((summary) -> {
			assertThat(summary.from()).isEqualTo(start);
			assertThat(summary.to()).isEqualTo(start.plusSeconds(20));
			assertThat(summary.counts()).isEqualTo(Map.of("unavailable", 2L, "rate_limited", 1L));
		});
	}

	@Test
	void losesNoCountToADrainRunningAtTheSameTime() throws Exception {
		int calls = 20_000;
		ExecutorService pool = Executors.newFixedThreadPool(4);
		IntStream.range(0, calls).forEach((i) -> pool.execute(() -> this.tally.count("o-1", "d-1", "bad_request")));
		pool.shutdown();
		long drained = 0;
		while (!pool.awaitTermination(1, TimeUnit.MILLISECONDS)) {
			drained += total(this.tally.drain());
		}
		drained += total(this.tally.drain());

		assertThat(drained).isEqualTo(calls);
	}

	private static long total(List<Summary> summaries) {
		return summaries.stream()
			.flatMap((summary) -> summary.counts().values().stream())
			.mapToLong(Long::longValue)
			.sum();
	}

}
