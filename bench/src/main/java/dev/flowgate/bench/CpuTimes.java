package dev.flowgate.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import com.sun.management.OperatingSystemMXBean;

/**
 * CPU time used so far by the service process, this JVM (where MongoDB, the receivers and
 * the publisher run) and the Kafka broker: where a delivery's cost goes.
 */
record CpuTimes(Duration service, Duration self, Duration broker) {

	static CpuTimes of(long servicePid, long brokerPid) {
		long self = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
		return new CpuTimes(cpu(servicePid), Duration.ofNanos(self), cpu(brokerPid));
	}

	CpuTimes minus(CpuTimes earlier) {
		return new CpuTimes(this.service.minus(earlier.service), this.self.minus(earlier.self),
				this.broker.minus(earlier.broker));
	}

	CpuTimes perDelivery(int deliveries) {
		return new CpuTimes(this.service.dividedBy(deliveries), this.self.dividedBy(deliveries),
				this.broker.dividedBy(deliveries));
	}

	private static Duration cpu(long pid) {
		return ProcessHandle.of(pid).flatMap((process) -> process.info().totalCpuDuration()).orElse(Duration.ZERO);
	}

}
