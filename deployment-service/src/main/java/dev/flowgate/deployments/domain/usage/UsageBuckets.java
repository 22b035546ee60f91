package dev.flowgate.deployments.domain.usage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tallies usage bucket by bucket. The buckets are aligned to UTC, so the first starts at
 * or before the window does; the last ends at the window's end.
 */
final class UsageBuckets implements UsageSink {

	private final UsageBucket bucket;

	private final Instant from;

	private final Instant to;

	private final List<UsageTally> tallies = new ArrayList<>();

	private final List<Map<String, Long>> rejected = new ArrayList<>();

	private UsageBuckets(UsageBucket bucket, Instant from, Instant to, int count) {
		this.bucket = bucket;
		this.from = from;
		this.to = to;
		for (int i = 0; i < count; i++) {
			this.tallies.add(new UsageTally());
			this.rejected.add(new HashMap<>());
		}
	}

	/** How many buckets of {@code bucket} cover {@code [from, to)}. */
	static long count(UsageBucket bucket, Instant from, Instant to) {
		long span = to.toEpochMilli() - bucket.floor(from).toEpochMilli();
		// Rounded up (Math.ceilDiv is not in Java 17).
		return Math.max(1, -Math.floorDiv(-span, bucket.length().toMillis()));
	}

	static UsageBuckets covering(UsageBucket bucket, Instant from, Instant to) {
		return new UsageBuckets(bucket, bucket.floor(from), to, Math.toIntExact(count(bucket, from, to)));
	}

	/** The start of the first bucket. */
	Instant from() {
		return this.from;
	}

	/** The end of the last bucket. */
	Instant to() {
		return this.to;
	}

	@Override
	public void add(UsageSample sample) {
		this.tallies.get(index(sample.createdAt())).add(sample);
	}

	@Override
	public void add(HourSummary summary) {
		this.tallies.get(index(summary.key().hour())).add(summary.tally());
	}

	@Override
	public boolean takesHours() {
		return this.bucket.wholeHours();
	}

	/** Refused calls of a gateway summary, counted in the bucket it ended in. */
	void addRejected(Instant endedAt, Map<String, Long> counts) {
		Map<String, Long> bucketCounts = this.rejected.get(index(endedAt));
		counts.forEach((reason, count) -> bucketCounts.merge(reason, count, Long::sum));
	}

	UsageSeries series(UsageWindow window) {
		List<UsageSeries.Point> points = new ArrayList<>();
		for (int i = 0; i < this.tallies.size(); i++) {
			Instant start = this.from.plus(this.bucket.length().multipliedBy(i));
			Instant end = start.plus(this.bucket.length());
			points.add(new UsageSeries.Point(start, end.isAfter(this.to) ? this.to : end,
					UsageReport.of(this.bucket.token(), this.tallies.get(i), this.rejected.get(i))));
		}
		return new UsageSeries(window.token(), this.bucket.token(), points);
	}

	/**
	 * The bucket of {@code instant}; one a little past the end (another replica's clock)
	 * counts in the last.
	 */
	private int index(Instant instant) {
		long index = (instant.toEpochMilli() - this.from.toEpochMilli()) / this.bucket.length().toMillis();
		return (int) Math.max(0, Math.min(index, this.tallies.size() - 1));
	}

}
