package dev.flowgate.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.sun.management.OperatingSystemMXBean;

/**
 * CPU time used so far by named processes and by this JVM (where MongoDB and the load
 * generators run): where a request's cost goes.
 */
record CpuTimes(Map<String, Duration> byProcess) {

	static final String SELF = "MongoDB+bench";

	/** Reads the CPU time of each process and of this JVM, in the given order. */
	static CpuTimes of(Map<String, Long> pids) {
		Map<String, Duration> times = new LinkedHashMap<>();
		pids.forEach((name, pid) -> times.put(name, cpu(pid)));
		long self = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
		times.put(SELF, Duration.ofNanos(self));
		return new CpuTimes(times);
	}

	CpuTimes minus(CpuTimes earlier) {
		Map<String, Duration> used = new LinkedHashMap<>();
		this.byProcess.forEach((name, time) -> used.put(name, time.minus(earlier.byProcess.get(name))));
		return new CpuTimes(used);
	}

	CpuTimes per(int requests) {
		Map<String, Duration> share = new LinkedHashMap<>();
		this.byProcess.forEach((name, time) -> share.put(name, time.dividedBy(requests)));
		return new CpuTimes(share);
	}

	/** For example {@code gateway 1.20, Kafka 0.40, total 1.60} (milliseconds). */
	String millis() {
		double total = this.byProcess.values().stream().mapToLong(Duration::toNanos).sum() / 1e6;
		return this.byProcess.entrySet()
			.stream()
			.map((e) -> "%s %.2f".formatted(e.getKey(), e.getValue().toNanos() / 1e6))
			.collect(Collectors.joining(", ", "", ", total %.2f".formatted(total)));
	}

	/** CPU time a process has used so far; zero once it is gone. */
	static Duration cpu(long pid) {
		return ProcessHandle.of(pid).flatMap((process) -> process.info().totalCpuDuration()).orElse(Duration.ZERO);
	}

}
