package dev.flowgate.deployments.domain.usage;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A deployment's usage over a window.
 *
 * @param calls every execution created in the window, finished or not
 * @param cancelled executions stopped at the owner's request
 * @param durationMillis nearest-rank percentiles over the finished ones (exact to 2 s,
 * within 0.1 % above)
 * @param rejected trigger calls the gateway refused (not among {@code calls}: they ran
 * nothing)
 */
public record UsageReport(String window, long calls, long successes, long failures, long timeouts, long cancelled,
		Durations durationMillis, Tokens llmTokens, Rejected rejected) {

	private static final double P50 = 50;

	private static final double P95 = 95;

	private static final double P99 = 99;

	public static UsageReport of(UsageWindow window, UsageTally tally, Map<String, Long> rejectedByReason) {
		return of(window.token(), tally, rejectedByReason);
	}

	/**
	 * The report of a period named by {@code period} (a window or a bucket: 1h, 1d, ...).
	 */
	static UsageReport of(String period, UsageTally tally, Map<String, Long> rejectedByReason) {
		UsageTally.Counts counts = tally.counts();
		DurationHistogram durations = tally.durations();
		return new UsageReport(period, counts.calls(), counts.successes(), counts.failures(), counts.timeouts(),
				counts.cancelled(),
				new Durations(durations.percentile(P50), durations.percentile(P95), durations.percentile(P99)),
				new Tokens(counts.promptTokens(), counts.completionTokens(),
						counts.promptTokens() + counts.completionTokens()),
				Rejected.of(rejectedByReason));
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
