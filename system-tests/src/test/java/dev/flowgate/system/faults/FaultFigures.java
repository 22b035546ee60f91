package dev.flowgate.system.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.flowgate.system.load.TriggerOutcome;
import tools.jackson.databind.JsonNode;

/** The figures of one faults run, for docs/reliability.md. */
record FaultFigures(int triggers, long accepted, long syncAnswered, long syncQueued, long asyncQueued,
		long unavailable, long unavailableWhileKafkaDown, long refusedConnections, long otherClientFailures,
		long duplicates, int inFlightAtKill, Duration kafkaDown, Duration maxRefusalLatency, Duration duration) {

	static FaultFigures of(List<TriggerOutcome> calls, Map<String, List<JsonNode>> results, FaultInjector faults,
			Duration duration) {
		List<TriggerOutcome> whileKafkaDown = calls.stream().filter(faults.kafkaDown()::contains).toList();
		return new FaultFigures(calls.size(), count(calls, TriggerOutcome::accepted),
				count(calls, (call) -> call.status() == 200),
				count(calls, (call) -> call.status() == 202 && call.target().mode().equals("sync")),
				count(calls, (call) -> call.status() == 202 && call.target().mode().equals("async")),
				count(calls, TriggerOutcome::unavailable), count(whileKafkaDown, TriggerOutcome::unavailable),
				count(calls, TriggerOutcome::connectionRefused),
				count(calls, (call) -> call.failedAtClient() && !call.connectionRefused()),
				results.values().stream().filter((records) -> records.size() > 1).count(), faults.inFlightAtKill(),
				faults.kafkaDown().length(),
				whileKafkaDown.stream().map(TriggerOutcome::latency).max(Duration::compareTo).orElse(Duration.ZERO),
				duration);
	}

	private static long count(List<TriggerOutcome> calls, Predicate<TriggerOutcome> which) {
		return calls.stream().filter(which).count();
	}

	@Override
	public String toString() {
		return """
				Faults run: %d triggers in %d s; accepted %d (sync 200: %d, sync 202 after the sync timeout: %d, \
				async 202: %d); 503: %d (%d made and answered while Kafka was down for %d s, slowest %d ms); \
				failed at the client: %d connection refused, %d other; executions with more than one result: %d; \
				executions waiting on the slow API when the runner was killed: %d"""
			.formatted(this.triggers, this.duration.toSeconds(), this.accepted, this.syncAnswered, this.syncQueued,
					this.asyncQueued, this.unavailable, this.unavailableWhileKafkaDown, this.kafkaDown.toSeconds(),
					this.maxRefusalLatency.toMillis(), this.refusedConnections, this.otherClientFailures,
					this.duplicates, this.inFlightAtKill);
	}

}
