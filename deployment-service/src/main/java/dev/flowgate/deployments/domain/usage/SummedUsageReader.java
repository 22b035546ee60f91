package dev.flowgate.deployments.domain.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Reads a deployment's usage, or one API key's share of it, over a span: the whole hours
 * summed and not written to since from their summaries, the rest from the executions.
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
	 * Hands the scope's usage of {@code [from, to)} to {@code sink}: whole hours that
	 * were summed (and not written to since) as their summaries if it takes them, the
	 * rest execution by execution.
	 */
	void collect(SummaryProgress progress, Scope scope, Instant from, Instant to, UsageSink sink) {
		Instant summedFrom = summedFrom(progress, scope, from);
		if (!sink.takesHours() || summedFrom == null) {
			samples(scope, from, to, sink);
			return;
		}
		Instant summedUpTo = progress.summedUpTo();
		Set<DeploymentHour> stale = this.samples.writtenSince(scope.deploymentId(),
				progress.lastRunAt().minus(this.lateWriteMargin), summedFrom, summedUpTo);
		samples(scope, from, summedFrom, sink);
		summaries(scope, summedFrom, summedUpTo).stream()
			.filter((summary) -> !stale.contains(summary.key()))
			.forEach(sink::add);
		stale.forEach((hour) -> samples(scope, hour.hour(), hour.end(), sink));
		samples(scope, summedUpTo, to, sink);
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

	private void samples(Scope scope, Instant from, Instant to, UsageSink sink) {
		if (scope.keyId() != null) {
			this.samples.forEachOfKey(scope.ownerId(), scope.deploymentId(), scope.keyId(), from, to, sink::add);
		}
		else {
			this.samples.forEach(scope.ownerId(), scope.deploymentId(), from, to, sink::add);
		}
	}

	private List<HourSummary> summaries(Scope scope, Instant from, Instant to) {
		if (scope.keyId() != null) {
			return this.summaries.ofKey(scope.ownerId(), scope.deploymentId(), scope.keyId(), from, to)
				.stream()
				.map(KeyHourSummary::asHourSummary)
				.toList();
		}
		return this.summaries.of(scope.ownerId(), scope.deploymentId(), from, to);
	}

	/** One deployment's usage, or with {@code keyId} the share of it one API key ran. */
	record Scope(String ownerId, String deploymentId, String keyId) {

	}

}
