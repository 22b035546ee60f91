package dev.flowgate.deployments.domain.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads deployments' usage, or one API key's share of it, over a span: the whole hours
 * summed and not written to since from their summaries, the rest from the executions.
 * Several deployments are read together, a few queries for all rather than per
 * deployment.
 */
final class SummedUsageReader {

	private final UsageSamples samples;

	private final HourSummaries summaries;

	private final Duration lateWriteMargin;

	SummedUsageReader(UsageSamples samples, HourSummaries summaries, Duration lateWriteMargin) {
		this.samples = samples;
		this.summaries = summaries;
		this.lateWriteMargin = lateWriteMargin;
	}

	/**
	 * Hands each deployment's usage of {@code [from, to)} to its sink: whole hours that
	 * were summed (and not written to since) as their summaries if the sinks take them,
	 * the rest execution by execution.
	 * @param sinks the sink of each deployment of the scope, all taking hours or none
	 */
	void collect(SummaryProgress progress, Scope scope, Instant from, Instant to, Function<String, UsageSink> sinks) {
		if (scope.deploymentIds().isEmpty()) {
			return;
		}
		Instant summedFrom = summedFrom(progress, scope, from);
		boolean takesHours = sinks.apply(scope.deploymentIds().iterator().next()).takesHours();
		if (!takesHours || summedFrom == null) {
			samples(scope, from, to, sinks);
			return;
		}
		Instant summedUpTo = progress.summedUpTo();
		Set<DeploymentHour> stale = this.samples.writtenSince(scope.deploymentIds(),
				progress.lastRunAt().minus(this.lateWriteMargin), summedFrom, summedUpTo);
		samples(scope, from, summedFrom, sinks);
		summaries(scope, summedFrom, summedUpTo).stream()
			.filter((summary) -> !stale.contains(summary.key()))
			.forEach((summary) -> sinks.apply(summary.key().deploymentId()).add(summary));
		stale.forEach((hour) -> samples(scope.of(hour.deploymentId()), hour.hour(), hour.end(), sinks));
		samples(scope, summedUpTo, to, sinks);
	}

	/**
	 * The first whole hour from {@code from} on that the scope's summaries hold, or
	 * {@code null} when they hold none: keys' shares start later than the deployments'
	 * summaries where an earlier version made those.
	 */
	private static Instant summedFrom(SummaryProgress progress, Scope scope, Instant from) {
		Instant first = DeploymentHour.ceil(from);
		if (scope.keyId() != null) {
			if (progress.keysSummedFrom() == null) {
				return null;
			}
			first = first.isBefore(progress.keysSummedFrom()) ? progress.keysSummedFrom() : first;
		}
		return progress.covers(first) ? first : null;
	}

	private void samples(Scope scope, Instant from, Instant to, Function<String, UsageSink> sinks) {
		if (scope.keyId() != null) {
			this.samples.forEachOfKey(scope.ownerId(), scope.deploymentIds(), scope.keyId(), from, to,
					(deploymentId, sample) -> sinks.apply(deploymentId).add(sample));
		}
		else {
			this.samples.forEach(scope.ownerId(), scope.deploymentIds(), from, to,
					(deploymentId, sample) -> sinks.apply(deploymentId).add(sample));
		}
	}

	private List<HourSummary> summaries(Scope scope, Instant from, Instant to) {
		if (scope.keyId() != null) {
			return this.summaries.ofKey(scope.ownerId(), scope.deploymentIds(), scope.keyId(), from, to)
				.stream()
				.map(KeyHourSummary::asHourSummary)
				.toList();
		}
		return this.summaries.of(scope.ownerId(), scope.deploymentIds(), from, to);
	}

	/**
	 * Deployments' usage, or with {@code keyId} the share of it one API key ran.
	 */
	record Scope(String ownerId, Collection<String> deploymentIds, String keyId) {

		Scope(String ownerId, String deploymentId, String keyId) {
			this(ownerId, List.of(deploymentId), keyId);
		}

		/** The same for one of its deployments. */
		Scope of(String deploymentId) {
			return new Scope(this.ownerId, List.of(deploymentId), this.keyId);
		}

	}

}
