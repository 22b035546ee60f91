package dev.flowgate.deployments.domain.usage;

import java.util.List;
import java.util.Objects;

import dev.flowgate.contracts.ExecutionStatus;

/**
 * A deployment's usage over a window.
 *
 * @param calls every execution created in the window, finished or not
 * @param durationMillis percentiles over the finished ones
 */
public record UsageReport(String window, long calls, long successes, long failures, long timeouts,
		Durations durationMillis, Tokens llmTokens) {

	private static final double P50 = 50;

	private static final double P95 = 95;

	private static final double P99 = 99;

	public static UsageReport of(UsageWindow window, List<UsageSample> samples) {
		long[] durations = samples.stream()
			.map(UsageSample::durationMillis)
			.filter(Objects::nonNull)
			.mapToLong(Long::longValue)
			.sorted()
			.toArray();
		long prompt = samples.stream().mapToLong(UsageSample::promptTokens).sum();
		long completion = samples.stream().mapToLong(UsageSample::completionTokens).sum();
		return new UsageReport(window.token(), samples.size(), count(samples, ExecutionStatus.SUCCEEDED),
				count(samples, ExecutionStatus.FAILED), count(samples, ExecutionStatus.TIMED_OUT),
				new Durations(Percentiles.nearestRank(durations, P50), Percentiles.nearestRank(durations, P95),
						Percentiles.nearestRank(durations, P99)),
				new Tokens(prompt, completion, prompt + completion));
	}

	private static long count(List<UsageSample> samples, ExecutionStatus status) {
		return samples.stream().filter((sample) -> sample.status() == status).count();
	}

	/** Duration percentiles; {@code null} when nothing finished in the window. */
	public record Durations(Long p50, Long p95, Long p99) {

	}

	/** LLM tokens used. */
	public record Tokens(long prompt, long completion, long total) {

	}

}
