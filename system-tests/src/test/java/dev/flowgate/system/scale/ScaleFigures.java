package dev.flowgate.system.scale;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.flowgate.system.load.TriggerOutcome;
import tools.jackson.databind.JsonNode;

/** The figures of one scale-out run, for docs/reliability.md. */
record ScaleFigures(int triggers, long ownResults, Map<String, Long> perGateway, Map<String, Long> perRunner,
		long duplicates, Duration medianLatency, Duration p95Latency, Duration duration) {

	private static final double MEDIAN = 0.5;

	private static final double P95 = 0.95;

	static ScaleFigures of(List<TriggerOutcome> calls, Map<String, Long> perRunner, Map<String, List<JsonNode>> results,
			Duration duration) {
		List<Duration> latencies = calls.stream().map(TriggerOutcome::latency).sorted().toList();
		return new ScaleFigures(calls.size(), calls.stream().filter(TriggerOutcome::answeredWithOwnResult).count(),
				new TreeMap<>(calls.stream()
					.collect(Collectors.groupingBy((call) -> call.target().gatewayUrl(), Collectors.counting()))),
				new TreeMap<>(perRunner), results.values().stream().filter((records) -> records.size() > 1).count(),
				percentile(latencies, MEDIAN), percentile(latencies, P95), duration);
	}

	private static Duration percentile(List<Duration> sorted, double fraction) {
		return sorted.isEmpty() ? Duration.ZERO
				: sorted.get((int) Math.min(sorted.size() - 1, sorted.size() * fraction));
	}

	@Override
	public String toString() {
		return "Scale-out run: %d sync triggers in %d s; answered with their own result: %d; per gateway: %s; "
			.formatted(this.triggers, this.duration.toSeconds(), this.ownResults, this.perGateway.values())
				+ "run per runner: %s; executions with more than one result: %d; latency p50 %d ms, p95 %d ms"
					.formatted(this.perRunner, this.duplicates, this.medianLatency.toMillis(),
							this.p95Latency.toMillis());
	}

}
