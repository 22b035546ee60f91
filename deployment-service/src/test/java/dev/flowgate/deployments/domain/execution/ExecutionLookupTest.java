package dev.flowgate.deployments.domain.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.deployments.domain.NotFoundException;
import dev.flowgate.deployments.domain.execution.RecordedEvents.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExecutionLookupTest {

	private final InMemoryExecutions store = new InMemoryExecutions();

	private final ExecutionEvents events = ExecutionEvents.of("e-1", "o-1", "d-1");

	private final List<Kind> waits = new ArrayList<>();

	@Test
	void findsAnExecutionRecordedWhileTheLookupWaitedForRecording() {
		List<Long> starts = new ArrayList<>();
		ExecutionService executions = service((kind, executionId, started) -> {
			this.waits.add(kind);
			starts.add(started);
			if (kind == Kind.TRIGGERS) {
				record();
			}
			return true;
		});

		assertThat(executions.get("o-1", "e-1").id()).isEqualTo("e-1");
		assertThat(this.waits).containsExactly(Kind.TRIGGERS, Kind.RESULTS);
		// Both waits within one bound, counted from the lookup's start.
		assertThat(starts).hasSize(2).containsOnly(starts.get(0));
	}

	@Test
	void answersNotFoundOnceEverythingAcceptedIsRecorded() {
		ExecutionService executions = service((kind, executionId, started) -> true);

		assertThatThrownBy(() -> executions.get("o-1", "e-1")).isInstanceOf(NotFoundException.class);
	}

	@Test
	void answersNotFoundWhenRecordingCannotBeToldInTime() {
		ExecutionService executions = service((kind, executionId, started) -> false);

		assertThatThrownBy(() -> executions.get("o-1", "e-1")).isInstanceOf(NotFoundException.class);
	}

	@Test
	void waitsForNothingWhenTheExecutionIsRecordedFinished() {
		ExecutionService executions = service(this::counted);
		record();
		finish();

		assertThat(executions.get("o-1", "e-1").status()).isEqualTo(ExecutionStatus.SUCCEEDED);
		assertThat(this.waits).isEmpty();
	}

	@Test
	void readsAnUnfinishedExecutionAgainOnceTheResultsPublishedBeforeAreRecorded() {
		ExecutionService executions = service((kind, executionId, started) -> {
			this.waits.add(kind);
			finish();
			return true;
		});
		record();

		assertThat(executions.get("o-1", "e-1").status()).isEqualTo(ExecutionStatus.SUCCEEDED);
		assertThat(this.waits).containsExactly(Kind.RESULTS);
	}

	@Test
	void readsAnExecutionWhoseResultWasRecordedFirstAgainOnceItsTriggerIs() {
		ExecutionService executions = service((kind, executionId, started) -> {
			this.waits.add(kind);
			record();
			return true;
		});
		finish();

		ExecutionRecord found = executions.get("o-1", "e-1");

		assertThat(found.trigger()).as("its source and inputs").isNotNull();
		assertThat(found.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
		assertThat(this.waits).containsExactly(Kind.TRIGGERS);
	}

	@Test
	void answersAnUnfinishedExecutionAsRecordedWhenResultsCannotBeToldInTime() {
		ExecutionService executions = service((kind, executionId, started) -> false);
		record();

		assertThat(executions.get("o-1", "e-1").isFinished()).isFalse();
	}

	@Test
	void keepsAnotherOwnersExecutionHiddenAfterWaiting() {
		ExecutionService executions = service(this::counted);
		record();

		assertThatThrownBy(() -> executions.get("o-2", "e-1")).isInstanceOf(NotFoundException.class);
		assertThat(this.waits).containsExactly(Kind.TRIGGERS);
	}

	@Test
	void looksUpAsRecordedWithoutWaitingWhenAskedTo() {
		ExecutionService executions = service(this::counted);

		assertThatThrownBy(() -> executions.getAsRecorded("o-1", "e-1")).isInstanceOf(NotFoundException.class);
		record();
		assertThat(executions.getAsRecorded("o-1", "e-1").id()).isEqualTo("e-1");
		assertThat(this.waits).isEmpty();
	}

	private ExecutionService service(RecordedEvents recorded) {
		return new ExecutionService(this.store, new ExecutionMerge(new PayloadLimit(1024)), null, recorded,
				Unreplayed.REPLAYS, Unreplayed.NONE_ERASED);
	}

	private boolean counted(Kind kind, String executionId, long started) {
		this.waits.add(kind);
		return true;
	}

	private void record() {
		service(Unreplayed.RECORDED).recordAll(List.of(this.events.requested(Map.of("question", "?"))));
	}

	private void finish() {
		service(Unreplayed.RECORDED).recordAll(List.of(this.events.completed(ExecutionStatus.SUCCEEDED, 5)));
	}

}
