package dev.flowgate.deployments.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.BatchListenerFailedException;

import dev.flowgate.contracts.ExecutionCancellationRequested;
import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.deployments.domain.execution.ExecutionEvents;
import dev.flowgate.deployments.domain.execution.ExecutionMerge;
import dev.flowgate.deployments.domain.execution.ExecutionPage;
import dev.flowgate.deployments.domain.execution.ExecutionQuery;
import dev.flowgate.deployments.domain.execution.ExecutionRecord;
import dev.flowgate.deployments.domain.execution.ExecutionRepository;
import dev.flowgate.deployments.domain.execution.ExecutionService;
import dev.flowgate.deployments.domain.execution.PayloadLimit;
import dev.flowgate.deployments.domain.execution.Unreplayed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The execution listeners record a poll at a time, and blame a record for a failure. */
class ExecutionListenersTest {

	private final Store store = new Store();

	private final ExecutionService executions = new ExecutionService(this.store,
			new ExecutionMerge(new PayloadLimit(10_000)), null, Unreplayed.RECORDED, Unreplayed.REPLAYS,
			Unreplayed.NONE_ERASED);

	@Test
	void recordsTheEventsBeforeARecordOfAnotherKindAndBlamesThatRecord() {
		ConsumerRecord<String, FlowgateEvent> first = record(0, completed("e-1"));
		ConsumerRecord<String, FlowgateEvent> stranger = record(1,
				ExecutionEvents.of("e-2", "o", "d").requested(Map.of()));

		assertThatThrownBy(() -> new ExecutionCompletedListener(this.executions)
			.on(List.of(first, stranger, record(2, completed("e-3")))))
			.isInstanceOfSatisfying(BatchListenerFailedException.class,
					(failure) -> assertThat(failure.getRecord()).isSameAs(stranger));
		assertThat(this.store.written).containsExactly(List.of("e-1"));
	}

	@Test
	void theTriggersListenerPassesOverCancellationRequestsQuietly() {
		ExecutionEvents first = ExecutionEvents.of("e-1", "o", "d");
		List<ConsumerRecord<String, FlowgateEvent>> poll = List.of(record(0, first.requested(Map.of())),
				record(1, new ExecutionCancellationRequested(UUID.randomUUID(), 1, Instant.now(), "e-1", "o", "d")),
				record(2, ExecutionEvents.of("e-2", "o", "d").requested(Map.of())));

		new ExecutionRequestedListener(this.executions).on(poll);

		assertThat(this.store.written).containsExactly(List.of("e-1", "e-2"));
	}

	@Test
	void blamesThePollsFirstRecordWhenTheStoreFails() {
		this.store.away = true;

		List<ConsumerRecord<String, FlowgateEvent>> poll = List.of(record(0, completed("e-1")));

		assertThatThrownBy(() -> new ExecutionCompletedListener(this.executions).on(poll))
			.isInstanceOfSatisfying(BatchListenerFailedException.class, (failure) -> {
				assertThat(failure.getRecord()).isSameAs(poll.get(0));
				assertThat(failure).hasCauseInstanceOf(DataAccessResourceFailureException.class);
			});
	}

	private static ExecutionCompleted completed(String executionId) {
		return ExecutionEvents.of(executionId, "o", "d").completed(ExecutionStatus.SUCCEEDED, 5);
	}

	private static ConsumerRecord<String, FlowgateEvent> record(long offset, FlowgateEvent event) {
		return new ConsumerRecord<>("flowgate.executions.completed", 0, offset, event.subjectId(), event);
	}

	/**
	 * Records which executions each batch wrote, or fails like an unreachable MongoDB.
	 */
	private static final class Store implements ExecutionRepository {

		private final List<List<String>> written = new ArrayList<>();

		private boolean away;

		@Override
		public void mergeAll(Map<String, UnaryOperator<ExecutionRecord>> changes) {
			if (this.away) {
				throw new DataAccessResourceFailureException("Timed out waiting for a server");
			}
			this.written.add(List.copyOf(changes.keySet()));
		}

		@Override
		public ExecutionRecord merge(String executionId, UnaryOperator<ExecutionRecord> change) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Optional<ExecutionRecord> find(String ownerId, String executionId) {
			return Optional.empty();
		}

		@Override
		public ExecutionPage page(ExecutionQuery query) {
			throw new UnsupportedOperationException();
		}

		@Override
		public long deleteCreatedBefore(Instant cutoff) {
			return 0;
		}

		@Override
		public int deleteOwned(String ownerId, int limit) {
			throw new UnsupportedOperationException();
		}

	}

}
