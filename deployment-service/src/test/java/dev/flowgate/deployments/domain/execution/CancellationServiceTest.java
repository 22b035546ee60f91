package dev.flowgate.deployments.domain.execution;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.flowgate.contracts.ExecutionCancellationRequested;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.deployments.domain.ConflictException;
import dev.flowgate.deployments.domain.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CancellationServiceTest {

	private static final Instant NOW = Instant.parse("2026-12-05T10:20:30.123456Z");

	private final InMemoryExecutions store = new InMemoryExecutions();

	private final Queue queue = new Queue();

	private final ExecutionService executions = new ExecutionService(this.store,
			new ExecutionMerge(new PayloadLimit(1024)), null, Unreplayed.RECORDED, Unreplayed.REPLAYS,
			Unreplayed.NONE_ERASED);

	private final CancellationService cancellations = new CancellationService(this.executions, this.queue,
			Clock.fixed(NOW, ZoneOffset.UTC));

	private final ExecutionEvents events = ExecutionEvents.of("e-1", "o-1", "d-1");

	@Test
	void queuesARequestForARunningExecution() {
		this.executions.recordAll(List.of(this.events.requested(Map.of("question", "?")), this.events.started()));

		ExecutionRecord cancelled = this.cancellations.cancel("o-1", "e-1");

		assertThat(cancelled.status()).isEqualTo(ExecutionStatus.RUNNING);
		assertThat(cancelled.cancelRequestedAt()).isEqualTo(Instant.parse("2026-12-05T10:20:30.123Z"));
		assertThat(this.queue.requests).singleElement().satisfies((request) -> {
			assertThat(request.executionId()).isEqualTo("e-1");
			assertThat(request.ownerId()).isEqualTo("o-1");
			assertThat(request.deploymentId()).isEqualTo("d-1");
			assertThat(request.occurredAt()).isEqualTo(cancelled.cancelRequestedAt());
		});
	}

	@Test
	void queuesARequestForAQueuedExecution() {
		this.executions.recordAll(List.of(this.events.requested(Map.of("question", "?"))));

		assertThat(this.cancellations.cancel("o-1", "e-1").status()).isEqualTo(ExecutionStatus.QUEUED);
		assertThat(this.queue.requests).hasSize(1);
	}

	@ParameterizedTest
	@EnumSource(value = ExecutionStatus.class, names = { "SUCCEEDED", "FAILED", "TIMED_OUT", "CANCELLED" })
	void rejectsCancellingAFinishedExecution(ExecutionStatus status) {
		this.executions.recordAll(List.of(this.events.completed(status, 40)));
		String token = status.name().toLowerCase(Locale.ROOT);

		assertThatThrownBy(() -> this.cancellations.cancel("o-1", "e-1")).isInstanceOf(ConflictException.class)
			.hasMessage("Execution 'e-1' has already finished (" + token + ")");
		assertThat(this.queue.requests).isEmpty();
	}

	@Test
	void keepsTheFirstRequestWhenAskedAgain() {
		this.executions.recordAll(List.of(this.events.started()));
		Instant first = this.cancellations.cancel("o-1", "e-1").cancelRequestedAt();

		ExecutionRecord again = new CancellationService(this.executions, this.queue,
				Clock.fixed(NOW.plusSeconds(5), ZoneOffset.UTC))
			.cancel("o-1", "e-1");

		assertThat(again.cancelRequestedAt()).isEqualTo(first);
		assertThat(this.queue.requests).hasSize(1);
	}

	@Test
	void answersWithTheRequestThatGotInFirst() {
		this.executions.recordAll(List.of(this.events.started()));
		Instant earlier = NOW.minusSeconds(1);
		this.queue.standing = earlier;

		assertThat(this.cancellations.cancel("o-1", "e-1").cancelRequestedAt()).isEqualTo(earlier);
	}

	@Test
	void hidesAnotherOwnersExecution() {
		this.executions.recordAll(List.of(this.events.started()));

		assertThatThrownBy(() -> this.cancellations.cancel("o-2", "e-1")).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.cancellations.cancel("o-1", "e-2")).isInstanceOf(NotFoundException.class);
		assertThat(this.queue.requests).isEmpty();
	}

	/**
	 * Keeps the requests and records them on their executions, as the outbox does; or
	 * answers with a {@code standing} request that got in first.
	 */
	private final class Queue implements CancellationQueue {

		private final List<ExecutionCancellationRequested> requests = new ArrayList<>();

		private Instant standing;

		@Override
		public Instant enqueue(ExecutionCancellationRequested request) {
			if (this.standing != null) {
				return this.standing;
			}
			this.requests.add(request);
			CancellationServiceTest.this.store.stored.computeIfPresent(request.executionId(),
					(id, record) -> record.withCancelRequestedAt(request.occurredAt()));
			return request.occurredAt();
		}

	}

}
