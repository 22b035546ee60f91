package dev.flowgate.bench;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One round of the paired measurements: each Flowgate figure next to the baselines taken
 * just before it on the same stack, so that the ratio of a round does not mix a quiet
 * minute with a busy one. The benchmark runs several and reports the median round.
 *
 * @param sync1 the sequential sync calls and the CPU they cost
 * @param probe64 the gateway's liveness probe: what Tomcat and Spring MVC alone answer in
 * the gateway's process, no Kafka or flow behind them
 * @param async64 the async accepts and the CPU they cost
 */
record Round(int number, Latencies echo1, Latencies kafka, Measured sync1, Latencies echo64, Latencies probe64,
		Measured async64) {

	/** echo p50 + 2 x Kafka p50: a sync call is HTTP and two hops through Kafka. */
	double syncBudget() {
		return this.echo1.p50() + 2 * this.kafka.p50();
	}

	double syncRatio() {
		return this.sync1.latencies().p50() / syncBudget();
	}

	double asyncRatio() {
		return this.async64.latencies().perSecond() / this.echo64.perSecond();
	}

	/** Not a target: how much of the echo's throughput the web framework alone leaves. */
	double probeRatio() {
		return this.probe64.perSecond() / this.echo64.perSecond();
	}

	String line() {
		return ("round %d: sync p50 %.3f / (echo %.3f + 2 x Kafka %.3f) = %.2f   async %.0f / echo %.0f per s = %.2f"
				+ "   (liveness probe %.0f per s = %.2f)")
			.formatted(this.number, this.sync1.latencies().p50(), this.echo1.p50(), this.kafka.p50(), syncRatio(),
					this.async64.latencies().perSecond(), this.echo64.perSecond(), asyncRatio(),
					this.probe64.perSecond(), probeRatio());
	}

	/** The round with the median ratio (the rounds are an odd number). */
	static Round median(List<Round> rounds, ToDoubleFunction<Round> ratio) {
		List<Round> sorted = rounds.stream().sorted(Comparator.comparingDouble(ratio)).toList();
		return sorted.get(sorted.size() / 2);
	}

	/** For example {@code median of 3 rounds 1.42 (1.21-1.88: 1.42, 1.88, 1.21)}. */
	static String summary(List<Round> rounds, ToDoubleFunction<Round> ratio) {
		List<String> all = rounds.stream().map((round) -> "%.2f".formatted(ratio.applyAsDouble(round))).toList();
		double min = rounds.stream().mapToDouble(ratio).min().orElseThrow();
		double max = rounds.stream().mapToDouble(ratio).max().orElseThrow();
		return "median of %d rounds %.2f (%.2f-%.2f: %s)".formatted(rounds.size(),
				ratio.applyAsDouble(median(rounds, ratio)), min, max, String.join(", ", all));
	}

	/** The figures of the median rounds, and the ratios of all rounds. */
	static void report(List<Round> rounds, Measured sync16, String stretches) {
		Round syncRound = median(rounds, Round::syncRatio);
		Round asyncRound = median(rounds, Round::asyncRatio);
		System.out.printf("%n%s, %d cores, Java %s; rounds %d (sync) and %d (async), the median of %d%n",
				System.getProperty("os.name"), Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.version"), syncRound.number(), asyncRound.number(), rounds.size());
		List.of(syncRound.echo1(), asyncRound.echo64(), asyncRound.probe64(), syncRound.kafka(),
				syncRound.sync1().latencies(), sync16.latencies(), asyncRound.async64().latencies())
			.forEach((latencies) -> System.out.println(latencies.line()));
		System.out.println();
		List.of(syncRound.sync1(), sync16, asyncRound.async64())
			.forEach((measured) -> System.out.println(measured.cpu()));
		System.out.println(stretches);
		System.out.printf("%nsync p50 / (echo p50 + 2 x Kafka p50)     = %.3f / %.3f = %.2f   (target <= 1.5)%n",
				syncRound.sync1().latencies().p50(), syncRound.syncBudget(), syncRound.syncRatio());
		System.out.printf("  %s%n", summary(rounds, Round::syncRatio));
		System.out.printf("async throughput / echo throughput (c=64) = %.0f / %.0f = %.2f   (target >= 0.5)%n",
				asyncRound.async64().latencies().perSecond(), asyncRound.echo64().perSecond(), asyncRound.asyncRatio());
		System.out.printf("  %s%n", summary(rounds, Round::asyncRatio));
		System.out.printf(
				"liveness probe / echo throughput (c=64)   = %.0f / %.0f = %.2f   (the web framework alone)%n",
				asyncRound.probe64().perSecond(), asyncRound.echo64().perSecond(), asyncRound.probeRatio());
		System.out.printf("  %s%n", summary(rounds, Round::probeRatio));
	}

	/** A Flowgate measurement and the CPU each process spent per request on it. */
	record Measured(Latencies latencies, String cpu) {
	}

}
