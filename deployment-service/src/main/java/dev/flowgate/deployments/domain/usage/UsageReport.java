package dev.flowgate.deployments.domain.usage;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import dev.flowgate.contracts.ExecutionStatus;

/**
 * A deployment's usage over a window.
 *
 * @param calls every execution created in the window, finished or not
 * @param durationMillis percentiles over the finished ones
 * @param rejected trigger calls the gateway refused (not among {@code calls}: they ran
 * nothing)
 */
public record UsageReport(String window, long calls, long successes, long failures, long timeouts,
		Durations durationMillis, Tokens llmTokens, Rejected rejected) {

	private static final double P50 = 50;

	private static final double P95 = 95;

	private static final double P99 = 99;

	public static UsageReport of(UsageWindow window, List<UsageSample> samples, Map<String, Long> rejectedByReason) {
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
				new Tokens(prompt, completion, prompt + completion), Rejected.of(rejectedByReason));
	}

	private static long count(List<UsageSample> samples, ExecutionStatus status) {
		return samples.stream().filter((sample) -> sample.status() == status).count();
	}

	/** Duration percentiles; {@code null} when nothing finished in the window. */
	public record Durations(Long p50, Long p95, Long p99) {

	}

	/** Refused trigger calls, in all and by reason ({@code invalid_input}, ...). */
	public record Rejected(long total, Map<String, Long> byReason) {

		static Rejected of(Map<String, Long> byReason) {
			return new Rejected(byReason.values().stream().mapToLong(Long::longValue).sum(),
					Collections.unmodifiableMap(new TreeMap<>(byReason)));
		}

	}

	/** LLM tokens used. */
	public record Tokens(long prompt, long completion, long total) {

	}

}
