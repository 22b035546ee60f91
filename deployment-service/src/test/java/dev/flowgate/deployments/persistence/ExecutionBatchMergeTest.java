package dev.flowgate.deployments.persistence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.contracts.ExecutionStarted;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.deployments.IntegrationTest;
import dev.flowgate.deployments.domain.execution.ExecutionEvents;
import dev.flowgate.deployments.domain.execution.ExecutionMerge;
import dev.flowgate.deployments.domain.execution.ExecutionRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch of changes over the real server: new and stored records, and a writer in
 * between.
 */
@IntegrationTest
class ExecutionBatchMergeTest {

	private static final String OWNER = "owner-batch";

	private static final long MICROSECONDS = 123_456;

	@Autowired
	private MongoExecutionRepository executions;

	@Autowired
	private ExecutionMerge merge;

	@Autowired
	private MongoTemplate mongo;

	@Test
	void insertsNewRecordsAndUpdatesStoredOnesInOneBatch() {
		ExecutionEvents stored = events();
		ExecutionEvents fresh = events();
		this.executions.merge(stored.executionId(), (current) -> this.merge.apply(current, stored.requested(inputs())));

		Map<String, UnaryOperator<ExecutionRecord>> changes = new LinkedHashMap<>();
		changes.put(stored.executionId(),
				(current) -> this.merge.apply(current, stored.completed(ExecutionStatus.SUCCEEDED, 40)));
		changes.put(fresh.executionId(), (current) -> this.merge.apply(current, fresh.requested(inputs())));
		this.executions.mergeAll(changes);

		assertThat(find(stored).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
		assertThat(find(stored).trigger().inputs().values()).containsEntry("question", "batch");
		assertThat(find(fresh).status()).isEqualTo(ExecutionStatus.QUEUED);
	}

	@Test
	void keepsTheChangeOfAWriterThatGotInBetween() {
		ExecutionEvents execution = events();
		this.executions.merge(execution.executionId(),
				(current) -> this.merge.apply(current, execution.requested(inputs())));

		// While the batch applies its change, the other listener stores the result: the
		// batch's write finds another revision and merges again.
		this.executions.mergeAll(Map.of(execution.executionId(), (current) -> {
			this.executions.merge(execution.executionId(),
					(latest) -> this.merge.apply(latest, execution.completed(ExecutionStatus.SUCCEEDED, 40)));
			return this.merge.apply(current, execution.started());
		}));

		ExecutionRecord recorded = find(execution);
		assertThat(recorded.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
		assertThat(recorded.startedAt()).isNotNull();
		assertThat(recorded.trigger().inputs().values()).containsEntry("question", "batch");
	}

	@Test
	void writesNothingWhenTheSameTriggerComesAgain() {
		// The gateway's clock gives microseconds; the stored record has milliseconds.
		ExecutionEvents execution = events().at(ExecutionEvents.REQUESTED_AT.plusNanos(MICROSECONDS));
		ExecutionRequested trigger = execution.requested(inputs());
		ExecutionStarted started = execution.started();
		this.executions.merge(execution.executionId(), (current) -> this.merge.apply(current, started));
		this.executions.merge(execution.executionId(), (current) -> this.merge.apply(current, trigger));
		ExecutionDocument stored = document(execution);

		this.executions.merge(execution.executionId(), (current) -> this.merge.apply(current, trigger));
		this.executions.mergeAll(Map.of(execution.executionId(),
				(current) -> this.merge.apply(this.merge.apply(current, trigger), started)));

		assertThat(document(execution).revision()).isEqualTo(stored.revision());
		assertThat(document(execution).writtenAt()).isEqualTo(stored.writtenAt());
	}

	private ExecutionDocument document(ExecutionEvents execution) {
		return this.mongo.findById(execution.executionId(), ExecutionDocument.class);
	}

	private ExecutionRecord find(ExecutionEvents execution) {
		return this.executions.find(OWNER, execution.executionId()).orElseThrow();
	}

	private static ExecutionEvents events() {
		return ExecutionEvents.of(UUID.randomUUID().toString(), OWNER, "deployment-1");
	}

	private static Map<String, Object> inputs() {
		return Map.of("question", "batch");
	}

}
