package dev.flowgate.deployments.domain.usage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Sums each deployment's usage by hour, so a report over 30 days reads 720 summaries
 * instead of every execution. An execution written after its hour was summed (a late
 * result, a consumer catching up) marks that hour stale: reports read such hours from the
 * executions until the next run sums them again, so the figures are always exact.
 */
public class UsageSummaries {

	private final UsageSamples samples;

	private final HourSummaries summaries;

	private final Clock clock;

	private final Settings settings;

	public UsageSummaries(UsageSamples samples, HourSummaries summaries, Clock clock, Settings settings) {
		this.samples = samples;
		this.summaries = summaries;
		this.clock = clock;
		this.settings = settings;
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
			if (progress.summedUpTo() != null && progress.lastRunAt() != null) {
				Instant since = progress.lastRunAt().minus(this.settings.lateWriteMargin());
				this.samples.writtenSince(since, progress.summedUpTo()).forEach(this::sumAgain);
			}
			sumEndedHours((progress.summedUpTo() != null) ? progress.summedUpTo() : firstHour(startedAt), startedAt);
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
		return tally(this.summaries.progress(), ownerId, deploymentId, from, to);
	}

	/**
	 * Each deployment's usage as {@link #tally} gives it, handed over one at a time, with
	 * the summaries' progress read once for all.
	 */
	public void tallyEach(String ownerId, Collection<String> deploymentIds, String keyId, Instant from, Instant to,
			BiConsumer<String, UsageTally> each) {
		SummaryProgress progress = this.summaries.progress();
		deploymentIds.forEach((deploymentId) -> {
			UsageTally tally = new UsageTally();
			if (keyId != null) {
				collectOfKey(ownerId, deploymentId, keyId, from, to, tally);
			}
			else {
				collect(progress, ownerId, deploymentId, from, to, tally);
			}
			each.accept(deploymentId, tally);
		});
	}

	/**
	 * Hands what the deployment ran with one API key in {@code [from, to)} to
	 * {@code sink}, execution by execution: the summaries are per deployment.
	 */
	void collectOfKey(String ownerId, String deploymentId, String keyId, Instant from, Instant to, UsageSink sink) {
		this.samples.forEachOfKey(ownerId, deploymentId, keyId, from, to, sink::add);
	}

	private UsageTally tally(SummaryProgress progress, String ownerId, String deploymentId, Instant from, Instant to) {
		UsageTally tally = new UsageTally();
		collect(progress, ownerId, deploymentId, from, to, tally);
		return tally;
	}

	/**
	 * Hands each deployment's usage of {@code [from, to)} to {@code sink}: whole hours
	 * that were summed (and not written to since) as their summaries if it takes them,
	 * the rest execution by execution.
	 */
	void collectEach(String ownerId, Collection<String> deploymentIds, Instant from, Instant to, UsageSink sink) {
		SummaryProgress progress = this.summaries.progress();
		deploymentIds.forEach((deploymentId) -> collect(progress, ownerId, deploymentId, from, to, sink));
	}

	private void collect(SummaryProgress progress, String ownerId, String deploymentId, Instant from, Instant to,
			UsageSink sink) {
		Instant firstHour = DeploymentHour.ceil(from);
		if (!sink.takesHours() || !progress.covers(firstHour)) {
			this.samples.forEach(ownerId, deploymentId, from, to, sink::add);
			return;
		}
		Instant summedUpTo = progress.summedUpTo();
		Set<DeploymentHour> stale = this.samples.writtenSince(deploymentId,
				progress.lastRunAt().minus(this.settings.lateWriteMargin()), firstHour, summedUpTo);
		this.samples.forEach(ownerId, deploymentId, from, firstHour, sink::add);
		this.summaries.of(ownerId, deploymentId, firstHour, summedUpTo)
			.stream()
			.filter((summary) -> !stale.contains(summary.key()))
			.forEach(sink::add);
		stale.forEach((hour) -> this.samples.forEach(ownerId, deploymentId, hour.hour(), hour.end(), sink::add));
		this.samples.forEach(ownerId, deploymentId, summedUpTo, to, sink::add);
	}

	/** The end of the last hour summed, if any was. */
	public Optional<Instant> summedUpTo() {
		return Optional.ofNullable(this.summaries.progress().summedUpTo());
	}

	/** Removes summaries no report window reaches; returns how many. */
	public long sweep() {
		return this.summaries
			.deleteBefore(DeploymentHour.floor(this.clock.instant().minus(this.settings.longestWindow())));
	}

	private Instant firstHour(Instant now) {
		Instant oldestReported = DeploymentHour.floor(now.minus(this.settings.longestWindow()));
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
		Map<DeploymentHour, UsageTally> tallies = new HashMap<>();
		this.samples.forEachCreated(hour, hour.plus(DeploymentHour.LENGTH),
				(key, sample) -> tallies.computeIfAbsent(key, (any) -> new UsageTally()).add(sample));
		this.summaries.save(
				tallies.entrySet().stream().map((entry) -> new HourSummary(entry.getKey(), entry.getValue())).toList());
	}

	private void sumAgain(DeploymentHour key) {
		UsageTally tally = new UsageTally();
		this.samples.forEach(key.ownerId(), key.deploymentId(), key.hour(), key.end(), tally::add);
		this.summaries.save(List.of(new HourSummary(key, tally)));
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
