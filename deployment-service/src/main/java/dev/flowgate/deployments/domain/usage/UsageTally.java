package dev.flowgate.deployments.domain.usage;

import dev.flowgate.contracts.ExecutionStatus;

/**
 * Running totals of executions: calls, outcomes, tokens and durations. Sums executions
 * one by one or whole tallies (an hour's summary) alike.
 */
public final class UsageTally implements UsageSink {

	private long calls;

	private long successes;

	private long failures;

	private long timeouts;

	private long cancelled;

	private long promptTokens;

	private long completionTokens;

	private final DurationHistogram durations;

	public UsageTally() {
		this(new DurationHistogram());
	}

	private UsageTally(DurationHistogram durations) {
		this.durations = durations;
	}

	/** A stored tally (an hour's summary). */
	public static UsageTally of(Counts counts, DurationHistogram durations) {
		UsageTally tally = new UsageTally(durations);
		tally.calls = counts.calls();
		tally.successes = counts.successes();
		tally.failures = counts.failures();
		tally.timeouts = counts.timeouts();
		tally.cancelled = counts.cancelled();
		tally.promptTokens = counts.promptTokens();
		tally.completionTokens = counts.completionTokens();
		return tally;
	}

	@Override
	public void add(UsageSample sample) {
		this.calls++;
		if (sample.status() == ExecutionStatus.SUCCEEDED) {
			this.successes++;
		}
		else if (sample.status() == ExecutionStatus.FAILED) {
			this.failures++;
		}
		else if (sample.status() == ExecutionStatus.TIMED_OUT) {
			this.timeouts++;
		}
		else if (sample.status() == ExecutionStatus.CANCELLED) {
			this.cancelled++;
		}
		if (sample.durationMillis() != null) {
			this.durations.record(sample.durationMillis());
		}
		this.promptTokens += sample.promptTokens();
		this.completionTokens += sample.completionTokens();
	}

	@Override
	public void add(HourSummary summary) {
		add(summary.tally());
	}

	@Override
	public boolean takesHours() {
		return true;
	}

	public UsageTally add(UsageTally other) {
		this.calls += other.calls;
		this.successes += other.successes;
		this.failures += other.failures;
		this.timeouts += other.timeouts;
		this.cancelled += other.cancelled;
		this.promptTokens += other.promptTokens;
		this.completionTokens += other.completionTokens;
		this.durations.add(other.durations);
		return this;
	}

	public Counts counts() {
		return new Counts(this.calls, this.successes, this.failures, this.timeouts, this.cancelled, this.promptTokens,
				this.completionTokens);
	}

	public DurationHistogram durations() {
		return this.durations;
	}

	/** The tally's totals; durations are kept apart. */
	public record Counts(long calls, long successes, long failures, long timeouts, long cancelled, long promptTokens,
			long completionTokens) {

	}

}
