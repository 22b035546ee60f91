package dev.flowgate.deployments.domain.usage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Sums each deployment's usage by hour, and each API key's share of it, so a report over
 * 30 days reads 720 summaries instead of every execution. An execution written after its
 * hour was summed (a late result, a consumer catching up) marks that hour stale: reports
 * read such hours from the executions until the next run sums them again, so the figures
 * are always exact.
 */
public class UsageSummaries {

	private final UsageSamples samples;

	private final HourSummaries summaries;

	private final Clock clock;

	private final Settings settings;

	private final SummedUsageReader reader;

	public UsageSummaries(UsageSamples samples, HourSummaries summaries, Clock clock, Settings settings) {
		this.samples = samples;
		this.summaries = summaries;
		this.clock = clock;
		this.settings = settings;
		this.reader = new SummedUsageReader(samples, summaries, settings.lateWriteMargin());
	}

	/**
	 * Sums the hours that ended since the last run and those written to since.
	 * @return whether it ran (another replica may be running)
	 */
	public boolean run() {
		Instant startedAt = this.clock.instant();
		if (!this.summaries.claim(startedAt, startedAt.plus(this.settings.claim()))) {
			return false;
		}
		try {
			SummaryProgress progress = this.summaries.progress();
			if (progress.lastRunAt() == null) {
				// Before summing: late writes to hours a failing first run summed are
				// summed again by the next.
				this.summaries.firstRunStarted(startedAt);
			}
			Instant next = (progress.summedUpTo() != null) ? progress.summedUpTo() : firstHour(startedAt);
			if (progress.keysSummedFrom() == null) {
				// Hours an earlier version summed have no keys' shares: a key's report
				// reads those from the executions. With none summed, all will have them.
				this.summaries.keysSummedFrom((progress.summedUpTo() != null) ? progress.summedUpTo() : Instant.EPOCH);
			}
			if (progress.summedUpTo() != null && progress.lastRunAt() != null) {
				Instant since = progress.lastRunAt().minus(this.settings.lateWriteMargin());
				this.samples.writtenSince(since, progress.summedUpTo()).forEach(this::sumAgain);
			}
			sumEndedHours(next, startedAt);
		}
		catch (RuntimeException ex) {
			// The next run starts over at once, not when the claim runs out; what was
			// summed is kept (saved hour by hour).
			this.summaries.release();
			throw ex;
		}
		this.summaries.finished(startedAt);
		return true;
	}

	/** The deployment's usage of executions created in {@code [from, to)}. */
	public UsageTally tally(String ownerId, String deploymentId, Instant from, Instant to) {
		UsageTally tally = new UsageTally();
		this.reader.collect(this.summaries.progress(), new SummedUsageReader.Scope(ownerId, deploymentId, null), from,
				to, (id) -> tally);
		return tally;
	}

	/**
	 * Each deployment's usage as {@link #tally} gives it, or with {@code keyId} what it
	 * ran with that API key, read for all at once and handed over one at a time.
	 */
	public void tallyEach(String ownerId, Collection<String> deploymentIds, String keyId, Instant from, Instant to,
			BiConsumer<String, UsageTally> each) {
		Map<String, UsageTally> tallies = new LinkedHashMap<>();
		deploymentIds.forEach((deploymentId) -> tallies.put(deploymentId, new UsageTally()));
		this.reader.collect(this.summaries.progress(), new SummedUsageReader.Scope(ownerId, tallies.keySet(), keyId),
				from, to, tallies::get);
		tallies.forEach(each);
	}

	/**
	 * Hands what the deployments ran with one API key in {@code [from, to)} to
	 * {@code sink}.
	 */
	void collectOfKey(String ownerId, Collection<String> deploymentIds, String keyId, Instant from, Instant to,
			UsageSink sink) {
		this.reader.collect(this.summaries.progress(), new SummedUsageReader.Scope(ownerId, deploymentIds, keyId), from,
				to, (id) -> sink);
	}

	/** Hands the deployments' usage of {@code [from, to)} to {@code sink}. */
	void collectEach(String ownerId, Collection<String> deploymentIds, Instant from, Instant to, UsageSink sink) {
		this.reader.collect(this.summaries.progress(), new SummedUsageReader.Scope(ownerId, deploymentIds, null), from,
				to, (id) -> sink);
	}

	/** The end of the last hour summed, if any was. */
	public Optional<Instant> summedUpTo() {
		return Optional.ofNullable(this.summaries.progress().summedUpTo());
	}

	/** Removes summaries no report or series reaches; returns how many. */
	public long sweep() {
		return this.summaries
			.deleteBefore(UsageBucket.oldestShown(this.clock.instant(), this.settings.longestWindow()));
	}

	private Instant firstHour(Instant now) {
		Instant oldestReported = UsageBucket.oldestShown(now, this.settings.longestWindow());
		return this.samples.earliestCreatedAt()
			.map(DeploymentHour::floor)
			.map((earliest) -> earliest.isBefore(oldestReported) ? oldestReported : earliest)
			.orElse(DeploymentHour.floor(now));
	}

	/** Sums hour after hour up to the current one, saving the progress after each. */
	private void sumEndedHours(Instant from, Instant now) {
		Instant hour = from;
		Instant current = DeploymentHour.floor(now);
		while (hour.isBefore(current)) {
			sum(hour);
			hour = hour.plus(DeploymentHour.LENGTH);
			this.summaries.summedUpTo(hour);
		}
	}

	private void sum(Instant hour) {
		HourTallies tallies = new HourTallies();
		this.samples.forEachCreated(hour, hour.plus(DeploymentHour.LENGTH), tallies::add);
		tallies.saveTo(this.summaries);
	}

	private void sumAgain(DeploymentHour key) {
		HourTallies tallies = new HourTallies().including(key);
		this.samples.forEach(key.ownerId(), List.of(key.deploymentId()), key.hour(), key.end(),
				(deploymentId, sample) -> tallies.add(key, sample));
		tallies.saveTo(this.summaries);
	}

	/**
	 * @param claim how long a run may take before another replica may start one
	 * @param lateWriteMargin how much earlier than a run's start a write may carry its
	 * time (clocks of replicas, a write in flight)
	 * @param longestWindow how far back reports go: the first run sums no earlier hour,
	 * and older summaries are removed
	 */
	public record Settings(Duration claim, Duration lateWriteMargin, Duration longestWindow) {

	}

}
