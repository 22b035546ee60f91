package dev.flowgate.deployments.domain.usage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import dev.flowgate.contracts.ExecutionStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsageSummariesTest {

	private static final String OWNER = "owner-1";

	private static final String DEPLOYMENT = "deployment-1";

	private static final Duration MARGIN = Duration.ofMinutes(10);

	private final Instant now = Instant.parse("2026-12-05T10:20:00Z");

	private final InMemoryUsageSamples executions = new InMemoryUsageSamples();

	private final InMemoryHourSummaries summaries = new InMemoryHourSummaries();

	private Clock clock = Clock.fixed(this.now, ZoneOffset.UTC);

	@Test
	void readsAllOfAnOwnersDeploymentsTogether() {
		List<String> deployments = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			String deploymentId = "deployment-" + i;
			deployments.add(deploymentId);
			for (int calls = 0; calls <= i; calls++) {
				Instant createdAt = this.now.minus(Duration.ofHours(3));
				this.executions.add(OWNER, deploymentId, "key-1", createdAt,
						new UsageSample(createdAt, ExecutionStatus.SUCCEEDED, 100L, 0, 0));
			}
		}
		this.executions.add(OWNER, "deployment-3", "key-1", this.now,
				new UsageSample(this.now.minus(Duration.ofMinutes(5)), ExecutionStatus.FAILED, 100L, 0, 0));
		summaries().run();
		int readsBefore = this.executions.reads + this.summaries.reads;
		Map<String, Long> calls = new HashMap<>();

		summaries().tallyEach(OWNER, deployments, null, this.now.minus(UsageWindow.DAY.length()), this.now,
				(deploymentId, tally) -> calls.put(deploymentId,
						UsageReport.of(UsageWindow.DAY, tally, Map.of()).calls()));

		assertThat(calls).hasSize(10)
			.containsEntry("deployment-0", 1L)
			.containsEntry("deployment-9", 10L)
			.containsEntry("deployment-3", 5L);
		assertThat(this.executions.reads + this.summaries.reads - readsBefore).as("reads for ten deployments")
			.isLessThanOrEqualTo(4);
	}

	@Test
	void reportsTheSameFiguresFromSummariesAsFromExecutions() {
		recordFinished(Duration.ofHours(5), ExecutionStatus.SUCCEEDED, 100);
		recordFinished(Duration.ofHours(3), ExecutionStatus.FAILED, 300);
		recordFinished(Duration.ofMinutes(70), ExecutionStatus.SUCCEEDED, 200);
		recordFinished(Duration.ofMinutes(5), ExecutionStatus.TIMED_OUT, 400);
		UsageReport before = dayReport();

		assertThat(summaries().run()).isTrue();
		this.executions.removeCreatedBefore(this.now.minus(Duration.ofMinutes(20)));

		assertThat(dayReport()).isEqualTo(before);
		assertThat(before.calls()).isEqualTo(4);
		assertThat(before.durationMillis()).isEqualTo(new UsageReport.Durations(200L, 400L, 400L));
	}

	@Test
	void countsAnExecutionWrittenAfterItsHourWasSummed() {
		recordFinished(Duration.ofHours(3), ExecutionStatus.SUCCEEDED, 100);
		summaries().run();
		laterBy(Duration.ofMinutes(1));

		recordFinished(Duration.ofHours(3).plusMinutes(1), ExecutionStatus.FAILED, 500);

		assertThat(dayReport().calls()).isEqualTo(2);
		laterBy(Duration.ofMinutes(5));
		summaries().run();
		this.executions.removeCreatedBefore(this.now);
		UsageReport summed = dayReport();
		assertThat(summed.calls()).isEqualTo(2);
		assertThat(summed.failures()).isEqualTo(1);
		assertThat(summed.durationMillis().p99()).isEqualTo(500);
	}

	@Test
	void readsTheWindowsFirstPartialHourFromTheExecutions() {
		recordFinished(Duration.ofHours(24).plusMinutes(10), ExecutionStatus.SUCCEEDED, 100);
		recordFinished(Duration.ofHours(23).plusMinutes(50), ExecutionStatus.SUCCEEDED, 200);
		summaries().run();

		assertThat(dayReport().calls()).isEqualTo(1);
		assertThat(dayReport().durationMillis().p50()).isEqualTo(200);
	}

	@Test
	void reportsAKeysShareFromTheSummariesAsFromExecutions() {
		recordFinished("key-1", Duration.ofHours(5), ExecutionStatus.SUCCEEDED, 100);
		recordFinished("key-2", Duration.ofHours(5), ExecutionStatus.FAILED, 900);
		recordFinished("key-1", Duration.ofHours(3), ExecutionStatus.FAILED, 300);
		recordFinished("key-1", Duration.ofMinutes(5), ExecutionStatus.SUCCEEDED, 200);
		UsageReport before = dayReportOf("key-1");

		summaries().run();
		this.executions.removeCreatedBefore(this.now.minus(Duration.ofMinutes(20)));

		assertThat(dayReportOf("key-1")).isEqualTo(before);
		assertThat(before.calls()).isEqualTo(3);
		assertThat(before.failures()).isEqualTo(1);
		assertThat(dayReportOf("key-2").calls()).isEqualTo(1);
		assertThat(this.summaries.keyShares).hasSize(3);
	}

	@Test
	void sumsKeysSharesOfEveryHourWhenTheFirstRunFoundNothingToSum() {
		summaries().run();
		laterBy(Duration.ofMinutes(15));
		recordFinished("key-1", Duration.ofHours(3), ExecutionStatus.SUCCEEDED, 100);

		summaries().run();
		this.executions.removeCreatedBefore(this.now);

		assertThat(dayReportOf("key-1").calls()).isEqualTo(1);
	}

	@Test
	void readsAKeysHoursSummedBeforeKeysWereFromTheExecutions() {
		recordFinished("key-1", Duration.ofHours(5), ExecutionStatus.SUCCEEDED, 100);
		summaries().run();
		this.summaries.forgetKeyShares();
		laterBy(Duration.ofHours(1));
		recordFinishedAt("key-1", this.now.plus(Duration.ofMinutes(10)), ExecutionStatus.SUCCEEDED, 100);

		summaries().run();

		assertThat(dayReportOf("key-1").calls()).isEqualTo(2);
		this.executions.removeCreatedBefore(this.now.plus(Duration.ofHours(1)));
		assertThat(dayReportOf("key-1").calls()).as("only the hour summed with its keys' shares is left").isEqualTo(1);
	}

	@Test
	void runsOnceAtATime() {
		assertThat(this.summaries.claim(this.now, this.now.plus(Duration.ofMinutes(10)))).isTrue();

		assertThat(summaries().run()).isFalse();
		laterBy(Duration.ofMinutes(11));
		assertThat(summaries().run()).isTrue();
	}

	@Test
	void letsTheNextRunStartAtOnceAfterOneFailed() {
		recordFinished(Duration.ofHours(3), ExecutionStatus.SUCCEEDED, 100);
		this.executions.hoursBeforeFailure = 0;

		assertThatThrownBy(summaries()::run).isInstanceOf(IllegalStateException.class);

		assertThat(summaries().run()).isTrue();
		this.executions.removeCreatedBefore(this.now);
		assertThat(dayReport().calls()).isEqualTo(1);
	}

	@Test
	void countsALateWriteToAnHourAFailedFirstRunSummed() {
		recordFinished(Duration.ofHours(5), ExecutionStatus.SUCCEEDED, 100);
		recordFinished(Duration.ofHours(3), ExecutionStatus.SUCCEEDED, 100);
		this.executions.hoursBeforeFailure = 2;
		assertThatThrownBy(summaries()::run).as("the first run, after two hours")
			.isInstanceOf(IllegalStateException.class);
		laterBy(Duration.ofMinutes(1));

		recordFinished(Duration.ofHours(5).plusMinutes(1), ExecutionStatus.FAILED, 500);

		assertThat(dayReport().calls()).isEqualTo(3);
		laterBy(Duration.ofMinutes(30));
		summaries().run();
		assertThat(dayReport().calls()).isEqualTo(3);
		assertThat(dayReport().failures()).isEqualTo(1);
	}

	@Test
	void dropsSummariesNoWindowReachesOnceTheFirstDayOfADailySeriesHasPassedToo() {
		recordFinished(Duration.ofDays(29).plusHours(23), ExecutionStatus.SUCCEEDED, 100);
		summaries().run();
		assertThat(this.summaries.stored).hasSize(1);

		laterBy(Duration.ofHours(2));

		assertThat(summaries().sweep()).as("before the 30-day window, in its first day's bucket").isZero();
		laterBy(Duration.ofDays(1));
		assertThat(summaries().sweep()).as("the hour and its key's share").isEqualTo(2);
		assertThat(this.summaries.stored).isEmpty();
		assertThat(this.summaries.keyShares).isEmpty();
	}

	private UsageSummaries summaries() {
		return new UsageSummaries(this.executions, this.summaries, this.clock,
				new UsageSummaries.Settings(Duration.ofMinutes(10), MARGIN, Duration.ofDays(30)));
	}

	private UsageReport dayReport() {
		Instant at = this.clock.instant();
		return UsageReport.of(UsageWindow.DAY,
				summaries().tally(OWNER, DEPLOYMENT, at.minus(UsageWindow.DAY.length()), at), Map.of());
	}

	private UsageReport dayReportOf(String keyId) {
		Instant at = this.clock.instant();
		UsageTally tally = new UsageTally();
		summaries().collectOfKey(OWNER, List.of(DEPLOYMENT), keyId, at.minus(UsageWindow.DAY.length()), at, tally);
		return UsageReport.of(UsageWindow.DAY, tally, Map.of());
	}

	private void recordFinished(Duration age, ExecutionStatus status, long millis) {
		recordFinished("key-1", age, status, millis);
	}

	private void recordFinished(String keyId, Duration age, ExecutionStatus status, long millis) {
		recordFinishedAt(keyId, this.now.minus(age), status, millis);
	}

	private void recordFinishedAt(String keyId, Instant createdAt, ExecutionStatus status, long millis) {
		this.executions.add(OWNER, DEPLOYMENT, keyId, this.clock.instant(),
				new UsageSample(createdAt, status, millis, 0, 0));
	}

	private void laterBy(Duration duration) {
		this.clock = Clock.offset(this.clock, duration);
	}

}
