package dev.flowgate.system.faults;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.flowgate.system.load.TriggerOutcome;
import tools.jackson.databind.JsonNode;

/**
 * The figures of one faults run, for docs/reliability.md.
 *
 * @param results the results read per execution id, {@code null} before they were read
 */
record FaultFigures(List<TriggerOutcome> calls, Map<String, List<JsonNode>> results, FaultInjector faults,
		Duration duration) {

	@Override
	public String toString() {
		List<TriggerOutcome> whileKafkaDown = this.calls.stream().filter(this.faults.kafkaDown()::contains).toList();
		Duration slowestRefusal = whileKafkaDown.stream()
			.map(TriggerOutcome::latency)
			.max(Duration::compareTo)
			.orElse(Duration.ZERO);
		String duplicates = (this.results != null)
				? Long.toString(this.results.values().stream().filter((records) -> records.size() > 1).count())
				: "not read yet";
		Set<String> ran = (this.results != null) ? ranInputs() : null;
		String refusedButRan = (ran != null) ? Long.toString(refusedAroundTheOutageThatRan(ran)) : "not read yet";
		String cutOffButRan = (ran != null)
				? Long.toString(count((call) -> isCutOff(call) && ran.contains(call.input()))) : "not read yet";
		return """
				Faults run: %d triggers in %d s; accepted %d (sync 200: %d, sync 202 after the sync timeout: %d, \
				async 202: %d); 503: %d (%d made and answered while Kafka was down for %d s, slowest %d ms; \
				ran all the same, their send having timed out as the broker stopped or started: %s); \
				failed at the client: %d connection refused, %d connect timeouts, %d cut off (ran all the same, \
				once: %s); executions with more than one result: %s; executions waiting on the slow API when the \
				runner was killed: %d; callbacks when delivery-service was killed: %d refused, %d in flight; fault \
				timings: %s""".formatted(this.calls.size(), this.duration.toSeconds(), count(TriggerOutcome::accepted),
				count((call) -> call.status() == 200), count((call) -> call.status() == 202 && isSync(call)),
				count((call) -> call.status() == 202 && !isSync(call)), count(TriggerOutcome::unavailable),
				whileKafkaDown.stream().filter(TriggerOutcome::unavailable).count(),
				this.faults.kafkaDown().length().toSeconds(), slowestRefusal.toMillis(), refusedButRan,
				count(TriggerOutcome::connectionRefused), count(TriggerOutcome::connectTimedOut),
				count(FaultFigures::isCutOff), cutOffButRan, duplicates, this.faults.inFlightAtKill(),
				this.faults.callbacksRefusedBeforeCrash(), this.faults.callbacksInFlightAtCrash(),
				seconds(this.faults.timings()));
	}

	/** 503s overlapping the broker's outage whose trigger has a result all the same. */
	private long refusedAroundTheOutageThatRan(Set<String> ran) {
		return count((call) -> call.unavailable() && this.faults.kafkaTrouble().overlaps(call, Duration.ZERO)
				&& ran.contains(call.input()));
	}

	/** The inputs of the triggers that have a result. */
	private Set<String> ranInputs() {
		return this.results.values()
			.stream()
			.flatMap(List::stream)
			.map((result) -> result.at("/outputs/echo").asString())
			.collect(Collectors.toSet());
	}

	/** Connected, but the connection went before an answer came (the gateway's crash). */
	private static boolean isCutOff(TriggerOutcome call) {
		return call.failedAtClient() && !call.connectionRefused() && !call.connectTimedOut();
	}

	private long count(Predicate<TriggerOutcome> which) {
		return this.calls.stream().filter(which).count();
	}

	private static boolean isSync(TriggerOutcome call) {
		return call.target().mode().equals("sync");
	}

	private static Map<String, String> seconds(Map<String, Duration> timings) {
		Map<String, String> seconds = new LinkedHashMap<>();
		timings.forEach((what, took) -> seconds.put(what, "%.1f s".formatted(took.toMillis() / 1000.0)));
		return seconds;
	}

}
