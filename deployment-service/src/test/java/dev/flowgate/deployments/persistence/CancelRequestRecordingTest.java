package dev.flowgate.deployments.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.deployments.IntegrationTest;
import dev.flowgate.deployments.domain.execution.ExecutionEvents;
import dev.flowgate.deployments.domain.execution.ExecutionMerge;
import dev.flowgate.deployments.domain.execution.ExecutionRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cancel request on an execution document, over the real server: the first request
 * stands, and recording the execution's later events never writes over it.
 */
@IntegrationTest
class CancelRequestRecordingTest {

	private static final String OWNER = "owner-cancel-request";

	private final Instant requestedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@Autowired
	private MongoExecutionRepository executions;

	@Autowired
	private CancellationOutbox outbox;

	@Autowired
	private ExecutionMerge merge;

	@Test
	void keepsTheFirstRequest() {
		ExecutionEvents execution = requested();

		assertThat(this.outbox.recordRequested(execution.executionId(), this.requestedAt)).isEqualTo(this.requestedAt);
		assertThat(this.outbox.recordRequested(execution.executionId(), this.requestedAt.plusSeconds(1)))
			.isEqualTo(this.requestedAt);
		assertThat(find(execution).cancelRequestedAt()).isEqualTo(this.requestedAt);
	}

	@Test
	void keepsTheRequestThroughTheEventsRecordedAfterIt() {
		ExecutionEvents execution = requested();
		this.outbox.recordRequested(execution.executionId(), this.requestedAt);

		this.executions.merge(execution.executionId(), (current) -> this.merge.apply(current, execution.started()));
		this.executions.mergeAll(Map.of(execution.executionId(),
				(current) -> this.merge.apply(current, execution.completed(ExecutionStatus.CANCELLED, 40))));

		ExecutionRecord recorded = find(execution);
		assertThat(recorded.status()).isEqualTo(ExecutionStatus.CANCELLED);
		assertThat(recorded.cancelRequestedAt()).isEqualTo(this.requestedAt);
	}

	@Test
	void keepsARequestRecordedWhileABatchMerges() {
		ExecutionEvents execution = requested();

		// The batch read the document before the request was recorded, and writes after.
		this.executions.mergeAll(Map.of(execution.executionId(), (current) -> {
			this.outbox.recordRequested(execution.executionId(), this.requestedAt);
			return this.merge.apply(current, execution.completed(ExecutionStatus.CANCELLED, 40));
		}));

		ExecutionRecord recorded = find(execution);
		assertThat(recorded.status()).isEqualTo(ExecutionStatus.CANCELLED);
		assertThat(recorded.cancelRequestedAt()).isEqualTo(this.requestedAt);
	}

	@Test
	void keepsARequestRecordedWhileASingleMergeWrites() {
		ExecutionEvents execution = requested();

		this.executions.merge(execution.executionId(), (current) -> {
			this.outbox.recordRequested(execution.executionId(), this.requestedAt);
			return this.merge.apply(current, execution.started());
		});

		assertThat(find(execution).cancelRequestedAt()).isEqualTo(this.requestedAt);
	}

	private ExecutionEvents requested() {
		ExecutionEvents execution = ExecutionEvents.of(UUID.randomUUID().toString(), OWNER, "deployment-1");
		this.executions.merge(execution.executionId(),
				(current) -> this.merge.apply(current, execution.requested(Map.of("question", "stop?"))));
		return execution;
	}

	private ExecutionRecord find(ExecutionEvents execution) {
		return this.executions.find(OWNER, execution.executionId()).orElseThrow();
	}

}
