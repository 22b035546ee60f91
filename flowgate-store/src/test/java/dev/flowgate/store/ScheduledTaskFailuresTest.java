package dev.flowgate.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ScheduledTaskFailuresTest {

	private final ScheduledTaskFailures failures = new ScheduledTaskFailures();

	@Test
	void logsOneLinePerRoundWhileMongoDbCannotBeReached(CapturedOutput output) {
		this.failures.handleError(new DataAccessResourceFailureException("Timed out while waiting for a server"));

		assertThat(output.getAll()).contains("could not reach MongoDB; its next round tries again")
			.contains("Timed out while waiting for a server")
			.doesNotContain("\tat ");
	}

	@Test
	void logsAnyOtherFailureWhole(CapturedOutput output) {
		this.failures.handleError(new IllegalStateException("a bug"));

		assertThat(output.getAll()).contains("A scheduled task failed")
			.contains("java.lang.IllegalStateException: a bug")
			.contains("\tat ");
	}

}
