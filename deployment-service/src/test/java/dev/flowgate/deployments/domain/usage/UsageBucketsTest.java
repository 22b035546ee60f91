package dev.flowgate.deployments.domain.usage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.flowgate.contracts.ExecutionStatus;

import static org.assertj.core.api.Assertions.assertThat;

class UsageBucketsTest {

	private static final String OWNER = "owner-1";

	private static final String DEPLOYMENT = "deployment-1";

	private static final String OTHER_DEPLOYMENT = "deployment-2";

	private final Instant now = Instant.parse("2026-12-05T10:20:00Z");

	private final InMemoryUsageSamples executions = new InMemoryUsageSamples();

	private final UsageSummaries summaries = new UsageSummaries(this.executions, new InMemoryHourSummaries(),
			Clock.fixed(this.now, ZoneOffset.UTC),
			new UsageSummaries.Settings(Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofDays(30)));

	@Test
	void alignsBucketsToUtcAndEndsTheLastOneNow() {
		UsageSeries day = series(UsageWindow.DAY, UsageBucket.HOUR);

		assertThat(day.window()).isEqualTo("24h");
		assertThat(day.bucket()).isEqualTo("1h");
		assertThat(day.points()).hasSize(25);
		assertThat(day.points().get(0).from()).isEqualTo("2026-12-04T10:00:00Z");
		assertThat(day.points().get(0).to()).isEqualTo("2026-12-04T11:00:00Z");
		UsageSeries.Point last = day.points().get(24);
		assertThat(last.from()).isEqualTo("2026-12-05T10:00:00Z");
		assertThat(last.to()).isEqualTo(this.now);
		assertThat(series(UsageWindow.MONTH, UsageBucket.DAY).points().get(0).from()).isEqualTo("2026-11-05T00:00:00Z");
	}

	@Test
	void putsEachExecutionInTheBucketItWasCreatedIn() {
		record(Duration.ofHours(3), ExecutionStatus.SUCCEEDED, 100);
		record(Duration.ofHours(3).minusMinutes(10), ExecutionStatus.FAILED, 300);
		record(Duration.ofMinutes(5), ExecutionStatus.SUCCEEDED, 50);

		List<UsageSeries.Point> points = series(UsageWindow.DAY, UsageBucket.HOUR).points();

		UsageReport threeHoursAgo = pointFrom(points, "2026-12-05T07:00:00Z");
		assertThat(threeHoursAgo.calls()).isEqualTo(2);
		assertThat(threeHoursAgo.failures()).isEqualTo(1);
		assertThat(threeHoursAgo.durationMillis().p99()).isEqualTo(300);
		assertThat(pointFrom(points, "2026-12-05T10:00:00Z").calls()).isEqualTo(1);
		assertThat(points.stream().mapToLong((point) -> point.usage().calls()).sum()).isEqualTo(3);
	}

	@Test
	void givesTheSameSeriesFromSummariesAsFromExecutions() {
		record(Duration.ofHours(5), ExecutionStatus.SUCCEEDED, 100);
		record(Duration.ofHours(3), ExecutionStatus.FAILED, 300);
		record(Duration.ofMinutes(70), ExecutionStatus.TIMED_OUT, 200);
		UsageSeries before = series(UsageWindow.DAY, UsageBucket.HOUR);

		assertThat(this.summaries.run()).isTrue();
		this.executions.removeCreatedBefore(Instant.parse("2026-12-05T10:00:00Z"));

		assertThat(series(UsageWindow.DAY, UsageBucket.HOUR)).isEqualTo(before);
	}

	@Test
	void sumsTheDeploymentsOfASeries() {
		record(Duration.ofHours(3), ExecutionStatus.SUCCEEDED, 100);
		record(OTHER_DEPLOYMENT, Duration.ofHours(3), ExecutionStatus.FAILED, 700);
		record(OTHER_DEPLOYMENT, Duration.ofHours(5), ExecutionStatus.SUCCEEDED, 100);
		this.summaries.run();

		List<UsageSeries.Point> points = series(UsageWindow.DAY, UsageBucket.HOUR).points();

		UsageReport threeHoursAgo = pointFrom(points, "2026-12-05T07:00:00Z");
		assertThat(threeHoursAgo.calls()).isEqualTo(2);
		assertThat(threeHoursAgo.failures()).isEqualTo(1);
		assertThat(threeHoursAgo.durationMillis().p99()).isEqualTo(700);
		assertThat(pointFrom(points, "2026-12-05T05:00:00Z").calls()).isEqualTo(1);
	}

	@Test
	void readsWhatOneKeyRanFromTheExecutionsEvenWhenSummed() {
		record(Duration.ofHours(3), ExecutionStatus.SUCCEEDED, 100);
		this.executions.add(OWNER, DEPLOYMENT, "key-2", this.now,
				new UsageSample(this.now.minus(Duration.ofHours(3)), ExecutionStatus.FAILED, 300L, 0, 0));
		this.summaries.run();
		UsageBuckets buckets = UsageBuckets.covering(UsageBucket.HOUR, this.now.minus(UsageWindow.DAY.length()),
				this.now);

		this.summaries.collectOfKey(OWNER, List.of(DEPLOYMENT), "key-2", buckets.from(), this.now, buckets);

		UsageReport threeHoursAgo = pointFrom(buckets.series(UsageWindow.DAY).points(), "2026-12-05T07:00:00Z");
		assertThat(threeHoursAgo.calls()).isEqualTo(1);
		assertThat(threeHoursAgo.failures()).isEqualTo(1);
	}

	@Test
	void splitsSummedHoursFromTheExecutions() {
		record(Duration.ofMinutes(80), ExecutionStatus.SUCCEEDED, 100);
		record(Duration.ofMinutes(62), ExecutionStatus.SUCCEEDED, 100);
		this.summaries.run();

		List<UsageSeries.Point> points = series(UsageWindow.DAY, UsageBucket.FIVE_MINUTES).points();

		assertThat(points).hasSize(24 * 12);
		assertThat(pointFrom(points, "2026-12-05T09:00:00Z").calls()).isEqualTo(1);
		assertThat(pointFrom(points, "2026-12-05T09:15:00Z").calls()).isEqualTo(1);
	}

	@Test
	void countsRefusedCallsInTheBucketTheirSummaryEnded() {
		UsageBuckets buckets = UsageBuckets.covering(UsageBucket.HOUR, this.now.minus(UsageWindow.DAY.length()),
				this.now);

		buckets.addRejected(Instant.parse("2026-12-05T08:59:59Z"), Map.of("rate_limited", 4L));
		buckets.addRejected(Instant.parse("2026-12-05T09:00:00Z"), Map.of("rate_limited", 1L, "invalid_input", 2L));
		// Another replica's clock a little ahead of this one's.
		buckets.addRejected(this.now.plusSeconds(2), Map.of("forbidden", 1L));

		List<UsageSeries.Point> points = buckets.series(UsageWindow.DAY).points();
		assertThat(pointFrom(points, "2026-12-05T08:00:00Z").rejected().byReason())
			.containsExactly(Map.entry("rate_limited", 4L));
		assertThat(pointFrom(points, "2026-12-05T09:00:00Z").rejected().total()).isEqualTo(3);
		assertThat(pointFrom(points, "2026-12-05T10:00:00Z").rejected().byReason())
			.containsExactly(Map.entry("forbidden", 1L));
	}

	@Test
	void countsTheBucketsAWindowNeeds() {
		assertThat(UsageBuckets.count(UsageBucket.FIVE_MINUTES, this.now.minus(UsageWindow.HOUR.length()), this.now))
			.isEqualTo(12);
		assertThat(UsageBuckets.count(UsageBucket.FIVE_MINUTES, this.now.minus(UsageWindow.WEEK.length()), this.now))
			.isEqualTo(2016);
		assertThat(UsageBuckets.count(UsageBucket.DAY, this.now.minus(UsageWindow.HOUR.length()), this.now))
			.isEqualTo(1);
	}

	private UsageSeries series(UsageWindow window, UsageBucket bucket) {
		UsageBuckets buckets = UsageBuckets.covering(bucket, this.now.minus(window.length()), this.now);
		this.summaries.collectEach(OWNER, List.of(DEPLOYMENT, OTHER_DEPLOYMENT), buckets.from(), this.now, buckets);
		return buckets.series(window);
	}

	private static UsageReport pointFrom(List<UsageSeries.Point> points, String from) {
		return points.stream()
			.filter((point) -> point.from().equals(Instant.parse(from)))
			.findFirst()
			.orElseThrow()
			.usage();
	}

	private void record(Duration age, ExecutionStatus status, long millis) {
		record(DEPLOYMENT, age, status, millis);
	}

	private void record(String deploymentId, Duration age, ExecutionStatus status, long millis) {
		this.executions.add(OWNER, deploymentId, this.now, new UsageSample(this.now.minus(age), status, millis, 0, 0));
	}

}
