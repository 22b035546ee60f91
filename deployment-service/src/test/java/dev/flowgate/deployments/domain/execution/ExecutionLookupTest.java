package dev.flowgate.deployments.domain.execution;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.flowgate.deployments.domain.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExecutionLookupTest {

	private final InMemoryExecutions store = new InMemoryExecutions();

	private final ExecutionEvents events = ExecutionEvents.of("e-1", "o-1", "d-1");

	private final AtomicInteger waits = new AtomicInteger();

	@Test
	void findsAnExecutionRecordedWhileTheLookupWaitedForRecording() {
		ExecutionService executions = service((executionId) -> {
			this.waits.incrementAndGet();
			record();
			return true;
		});

		assertThat(executions.get("o-1", "e-1").id()).isEqualTo("e-1");
		assertThat(this.waits).hasValue(1);
	}

	@Test
	void answersNotFoundOnceEverythingAcceptedIsRecorded() {
		ExecutionService executions = service((executionId) -> true);

		assertThatThrownBy(() -> executions.get("o-1", "e-1")).isInstanceOf(NotFoundException.class);
	}

	@Test
	void answersNotFoundWhenRecordingCannotBeToldInTime() {
		ExecutionService executions = service((executionId) -> false);

		assertThatThrownBy(() -> executions.get("o-1", "e-1")).isInstanceOf(NotFoundException.class);
	}

	@Test
	void waitsForNothingWhenTheExecutionIsRecorded() {
		ExecutionService executions = service((executionId) -> this.waits.incrementAndGet() > 0);
		record();

		assertThat(executions.get("o-1", "e-1").ownerId()).isEqualTo("o-1");
		assertThat(this.waits).hasValue(0);
	}

	@Test
	void keepsAnotherOwnersExecutionHiddenAfterWaiting() {
		ExecutionService executions = service((executionId) -> this.waits.incrementAndGet() > 0);
		record();

		assertThatThrownBy(() -> executions.get("o-2", "e-1")).isInstanceOf(NotFoundException.class);
		assertThat(this.waits).hasValue(1);
	}

	@Test
	void looksUpAsRecordedWithoutWaitingWhenAskedTo() {
		ExecutionService executions = service((executionId) -> this.waits.incrementAndGet() > 0);

		assertThatThrownBy(() -> executions.getAsRecorded("o-1", "e-1")).isInstanceOf(NotFoundException.class);
		record();
		assertThat(executions.getAsRecorded("o-1", "e-1").id()).isEqualTo("e-1");
		assertThat(this.waits).hasValue(0);
	}

	private ExecutionService service(RecordedTriggers recorded) {
		return new ExecutionService(this.store, new ExecutionMerge(new PayloadLimit(1024)), null, recorded);
	}

	private void record() {
		service(RecordedTriggers.NONE).recordAll(List.of(this.events.requested(Map.of("question", "?"))));
	}

}
