package dev.flowgate.deployments.domain.execution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.TriggerSource;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutionMergeTest {

	private final ExecutionMerge merge = new ExecutionMerge(new PayloadLimit(1024));

	private final ExecutionEvents events = ExecutionEvents.of("e1", "o1", "d1");

	private final FlowgateEvent requested = this.events.requested(Map.of("question", "Kafka?"));

	private final FlowgateEvent started = this.events.started();

	private final FlowgateEvent completed = this.events.completed(ExecutionStatus.SUCCEEDED, 40);

	@Test
	void endsTheSameInEveryOrder() {
		ExecutionRecord expected = fold(this.requested, this.started, this.completed);

		for (List<FlowgateEvent> order : permutations(List.of(this.requested, this.started, this.completed))) {
			assertThat(fold(order.toArray(FlowgateEvent[]::new))).as("order %s", order).isEqualTo(expected);
		}
		assertThat(expected.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
		assertThat(expected.createdAt()).isEqualTo(ExecutionEvents.REQUESTED_AT);
		assertThat(expected.startedAt()).isEqualTo(ExecutionEvents.REQUESTED_AT.plusMillis(7));
		assertThat(expected.flowVersion()).isEqualTo(2);
		assertThat(expected.trigger().source()).isEqualTo(TriggerSource.AICUFLOW);
		assertThat(expected.trigger().inputs().values()).containsEntry("question", "Kafka?");
		assertThat(expected.outcome().outputs().values()).containsEntry("answer", "A log.");
		assertThat(expected.outcome().trace()).hasSize(2);
	}

	@Test
	void keepsTheTriggersTimeAgainstARunnerWhoseClockIsBehind() {
		ExecutionEvents runnerBehind = this.events.at(ExecutionEvents.REQUESTED_AT.minusSeconds(2));
		FlowgateEvent started = runnerBehind.started();
		FlowgateEvent completed = runnerBehind.completed(ExecutionStatus.SUCCEEDED, 40);

		assertThat(fold(this.requested, started, completed).createdAt()).isEqualTo(ExecutionEvents.REQUESTED_AT);
		assertThat(fold(completed, started, this.requested).createdAt()).isEqualTo(ExecutionEvents.REQUESTED_AT);
		assertThat(fold(completed).createdAt()).as("until the trigger is recorded")
			.isEqualTo(ExecutionEvents.REQUESTED_AT.minusSeconds(2).plusMillis(8));
	}

	@Test
	void keepsTheTimeOfTheFirstTriggerRecordedWhenASecondOneComes() {
		FlowgateEvent retried = this.events.at(ExecutionEvents.REQUESTED_AT.plusSeconds(3)).requested(Map.of());

		assertThat(fold(this.requested, this.completed, retried).createdAt()).isEqualTo(ExecutionEvents.REQUESTED_AT);
		assertThat(fold(this.completed, retried, this.requested).createdAt())
			.isEqualTo(ExecutionEvents.REQUESTED_AT.plusSeconds(3));
	}

	@Test
	void keepsTheWholeFirstTriggerRecordedWhenASecondOneComes() {
		FlowgateEvent other = this.events.at(ExecutionEvents.REQUESTED_AT.plusSeconds(3))
			.by("key-2")
			.requested(Map.of("question", "Never ran?"));
		Trigger first = fold(this.requested).trigger();

		ExecutionRecord record = fold(this.requested, this.completed, other);

		assertThat(record).isEqualTo(fold(this.requested, this.completed));
		assertThat(record.trigger()).isEqualTo(first);
		assertThat(record.trigger().keyId()).isEqualTo("key-1");
		assertThat(record.trigger().inputs().values()).containsEntry("question", "Kafka?");
		assertThat(record.trigger().inputsDigest()).isEqualTo(first.inputsDigest());
		assertThat(fold(this.started, other, this.requested).trigger().keyId()).isEqualTo("key-2");
	}

	@Test
	void ignoresRepeatedEvents() {
		ExecutionRecord once = fold(this.requested, this.started, this.completed);

		assertThat(fold(this.requested, this.completed, this.started, this.completed, this.requested, this.started))
			.isEqualTo(once);
	}

	@Test
	void keepsTheTerminalStatusWhenEarlierEventsArriveLate() {
		ExecutionRecord record = fold(this.completed, this.started, this.requested);

		assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
	}

	@Test
	void keepsTheFirstOutcome() {
		FlowgateEvent failed = this.events.completed(ExecutionStatus.FAILED, 99);

		ExecutionRecord record = fold(this.completed, failed);

		assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
		assertThat(record.outcome().durationMillis()).isEqualTo(40);
	}

	@Test
	void endsCancelledAndKeepsThatWhenEarlierEventsArriveLate() {
		FlowgateEvent cancelled = this.events.completed(ExecutionStatus.CANCELLED, 40);

		assertThat(fold(this.requested, this.started, cancelled).status()).isEqualTo(ExecutionStatus.CANCELLED);
		assertThat(fold(cancelled, this.started, this.requested).status()).isEqualTo(ExecutionStatus.CANCELLED);
		assertThat(fold(cancelled, this.started, this.requested).isFinished()).isTrue();
		assertThat(fold(cancelled, this.completed).status()).isEqualTo(ExecutionStatus.CANCELLED);
	}

	@Test
	void keepsTheCancelRequestThroughLaterEvents() {
		Instant requestedAt = ExecutionEvents.REQUESTED_AT.plusSeconds(1);
		ExecutionRecord cancelRequested = fold(this.requested).withCancelRequestedAt(requestedAt);

		ExecutionRecord record = this.merge.apply(this.merge.apply(cancelRequested, this.started),
				this.events.completed(ExecutionStatus.CANCELLED, 40));

		assertThat(record.cancelRequestedAt()).isEqualTo(requestedAt);
		assertThat(this.merge.apply(cancelRequested, this.requested).cancelRequestedAt()).isEqualTo(requestedAt);
	}

	@Test
	void movesFromQueuedToRunning() {
		assertThat(fold(this.requested).status()).isEqualTo(ExecutionStatus.QUEUED);
		assertThat(fold(this.requested).flowVersion()).isEqualTo(1);
		assertThat(fold(this.requested, this.started).status()).isEqualTo(ExecutionStatus.RUNNING);
		assertThat(fold(this.started, this.requested).flowVersion()).isEqualTo(2);
	}

	@Test
	void capsLargePayloads() {
		ExecutionMerge small = new ExecutionMerge(new PayloadLimit(64));
		FlowgateEvent large = ExecutionEvents.of("e2", "o1", "d1")
			.requested(Map.of("question", "x".repeat(500), "n", 1));

		ExecutionRecord record = small.apply(null, large);

		assertThat(record.trigger().inputs().truncated()).isTrue();
		assertThat(record.trigger().inputs().values().get("question")).asString().startsWith("[truncated: 502 bytes");
		assertThat(record.trigger().inputs().values()).containsEntry("n", 1);
		assertThat(record.isReplayable()).isFalse();
	}

	private ExecutionRecord fold(FlowgateEvent... events) {
		ExecutionRecord record = null;
		for (FlowgateEvent event : events) {
			record = this.merge.apply(record, event);
		}
		return record;
	}

	private static List<List<FlowgateEvent>> permutations(List<FlowgateEvent> all) {
		if (all.size() <= 1) {
			return List.of(all);
		}
		List<List<FlowgateEvent>> result = new ArrayList<>();
		for (FlowgateEvent first : all) {
			List<FlowgateEvent> rest = new ArrayList<>(all);
			rest.remove(first);
			for (List<FlowgateEvent> tail : permutations(rest)) {
				List<FlowgateEvent> order = new ArrayList<>(List.of(first));
				order.addAll(tail);
				result.add(order);
			}
		}
		return result;
	}

}
