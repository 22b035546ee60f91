package dev.flowgate.bench;

import java.util.Arrays;

/** Recorded latencies of one measurement, and what is printed of them. */
record Latencies(String name, long[] nanos, double seconds) {

	double percentileMillis(double p) {
		long[] sorted = this.nanos.clone();
		Arrays.sort(sorted);
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1e6;
	}

	double p50() {
		return percentileMillis(50);
	}

	double p99() {
		return percentileMillis(99);
	}

	double perSecond() {
		return this.nanos.length / this.seconds;
	}

	String line() {
		return "%-44s n=%6d  p50 %8.3f ms  p99 %8.3f ms  %9.0f /s".formatted(this.name, this.nanos.length, p50(), p99(),
				perSecond());
	}

}
