package dev.flowgate.contracts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutionStatusTest {

	@Test
	void onlyQueuedAndRunningExecutionsAreUnfinished() {
		assertThat(ExecutionStatus.values()).filteredOn((status) -> !status.isFinished())
			.containsExactly(ExecutionStatus.QUEUED, ExecutionStatus.RUNNING);
	}

}
