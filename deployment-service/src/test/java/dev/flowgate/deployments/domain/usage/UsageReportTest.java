package dev.flowgate.deployments.domain.usage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.flowgate.contracts.ExecutionStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class UsageReportTest {

	private static final Instant AT = Instant.parse("2026-12-05T10:20:00Z");

	@Test
	void countsCallsByOutcome() {
		List<UsageSample> samples = List.of(finished(ExecutionStatus.SUCCEEDED, 10),
				finished(ExecutionStatus.SUCCEEDED, 20), finished(ExecutionStatus.FAILED, 30),
				finished(ExecutionStatus.TIMED_OUT, 40), finished(ExecutionStatus.CANCELLED, 50),
				new UsageSample(AT, ExecutionStatus.QUEUED, null, 0, 0),
				new UsageSample(AT, ExecutionStatus.RUNNING, null, 0, 0));

		UsageReport report = UsageReport.of(UsageWindow.DAY, tally(samples), Map.of());

		assertThat(report.window()).isEqualTo("24h");
		assertThat(report.calls()).isEqualTo(7);
		assertThat(report.successes()).isEqualTo(2);
		assertThat(report.failures()).isEqualTo(1);
		assertThat(report.timeouts()).isEqualTo(1);
		assertThat(report.cancelled()).isEqualTo(1);
	}

	@Test
	void takesNearestRankPercentilesOfFinishedExecutions() {
		List<UsageSample> samples = new ArrayList<>();
		for (long millis = 100; millis >= 1; millis--) {
			samples.add(finished(ExecutionStatus.SUCCEEDED, millis));
		}
		samples.add(new UsageSample(AT, ExecutionStatus.RUNNING, null, 0, 0));

		UsageReport.Durations durations = UsageReport.of(UsageWindow.HOUR, tally(samples), Map.of()).durationMillis();

		assertThat(durations.p50()).isEqualTo(50);
		assertThat(durations.p95()).isEqualTo(95);
		assertThat(durations.p99()).isEqualTo(99);
	}

	@Test
	void usesTheSlowestCallForHighPercentilesOfFewCalls() {
		List<UsageSample> samples = List.of(finished(ExecutionStatus.SUCCEEDED, 300),
				finished(ExecutionStatus.SUCCEEDED, 100), finished(ExecutionStatus.FAILED, 200));

		UsageReport.Durations durations = UsageReport.of(UsageWindow.HOUR, tally(samples), Map.of()).durationMillis();

		assertThat(durations.p50()).isEqualTo(200);
		assertThat(durations.p95()).isEqualTo(300);
		assertThat(durations.p99()).isEqualTo(300);
	}

	@Test
	void keepsPercentilesWhenTalliesAreAdded() {
		UsageTally first = tally(
				List.of(finished(ExecutionStatus.SUCCEEDED, 100), finished(ExecutionStatus.FAILED, 30)));
		UsageTally second = tally(
				List.of(finished(ExecutionStatus.SUCCEEDED, 5000), finished(ExecutionStatus.SUCCEEDED, 20)));

		UsageReport report = UsageReport.of(UsageWindow.DAY, first.add(second), Map.of());

		assertThat(report.calls()).isEqualTo(4);
		assertThat(report.successes()).isEqualTo(3);
		assertThat(first.add(tally(List.of(finished(ExecutionStatus.CANCELLED, 7)))).counts().cancelled()).isEqualTo(1);
		assertThat(report.durationMillis().p50()).isEqualTo(30);
		// Past 2,047 ms durations are kept to three significant digits.
		assertThat(report.durationMillis().p99()).isCloseTo(5000L, within(5L));
	}

	@Test
	void hasNoPercentilesWithoutFinishedExecutions() {
		UsageReport report = UsageReport.of(UsageWindow.WEEK,
				tally(List.of(new UsageSample(AT, ExecutionStatus.QUEUED, null, 0, 0))), Map.of());

		assertThat(report.durationMillis()).isEqualTo(new UsageReport.Durations(null, null, null));
	}

	@Test
	void sumsLlmTokens() {
		List<UsageSample> samples = List.of(new UsageSample(AT, ExecutionStatus.SUCCEEDED, 5L, 100, 20),
				new UsageSample(AT, ExecutionStatus.FAILED, 5L, 7, 3));

		assertThat(UsageReport.of(UsageWindow.MONTH, tally(samples), Map.of()).llmTokens())
			.isEqualTo(new UsageReport.Tokens(107, 23, 130));
	}

	@Test
	void reportsRefusedCallsApartFromTheCallsThatRan() {
		UsageReport report = UsageReport.of(UsageWindow.DAY, tally(List.of(finished(ExecutionStatus.SUCCEEDED, 5))),
				Map.of("rate_limited", 12L, "invalid_input", 3L));

		assertThat(report.calls()).isEqualTo(1);
		assertThat(report.rejected().total()).isEqualTo(15);
		assertThat(report.rejected().byReason()).containsExactly(Map.entry("invalid_input", 3L),
				Map.entry("rate_limited", 12L));
		assertThat(UsageReport.of(UsageWindow.DAY, tally(List.of()), Map.of()).rejected())
			.isEqualTo(new UsageReport.Rejected(0, Map.of()));
	}

	private static UsageTally tally(List<UsageSample> samples) {
		UsageTally tally = new UsageTally();
		samples.forEach(tally::add);
		return tally;
	}

	private static UsageSample finished(ExecutionStatus status, long millis) {
		return new UsageSample(AT, status, millis, 0, 0);
	}

}
