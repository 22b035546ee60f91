package dev.flowgate.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.TransientMongoDbException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreOutagesTest {

	private static final ConsumerRecord<String, String> RECORD = new ConsumerRecord<>("t", 0, 0, "k", "v");

	private final StoreOutages outages = new StoreOutages(
			new StoreProperties.Retry(Duration.ofSeconds(1), Duration.ofSeconds(30)));

	@Test
	void keepsRetryingARecordWhileMongoDbCannotBeReached() {
		// As the container reports it: the listener's failure, the poll's first record
		// blamed.
		Exception failure = new ListenerExecutionFailedException("listener failed",
				new BatchListenerFailedException("Recording the poll failed",
						new DataAccessResourceFailureException("Timed out waiting for a server"), 0));

		BackOff backOff = this.outages.backOffFunction().apply(RECORD, failure);

		assertThat(backOff).isNotNull();
		BackOffExecution execution = backOff.start();
		assertThat(execution.nextBackOff()).isEqualTo(1_000);
		long pause = 0;
		for (int i = 0; i < 1_000; i++) {
			pause = execution.nextBackOff();
			assertThat(pause).as("pause %d", i).isNotEqualTo(BackOffExecution.STOP).isLessThanOrEqualTo(30_000);
		}
		assertThat(pause).isEqualTo(30_000);
	}

	@Test
	void blamesThePollsFirstRecordWhileTheStoreIsAway() {
		DataAccessResourceFailureException outage = new DataAccessResourceFailureException("Timed out");
		List<List<String>> tried = new ArrayList<>();

		assertThatThrownBy(() -> StoreOutages.storePoll("the poll", List.of("a", "b"), (items) -> {
			tried.add(items);
			throw outage;
		})).isInstanceOfSatisfying(BatchListenerFailedException.class, (failure) -> {
			assertThat(tried).containsExactly(List.of("a", "b"));
			assertThat(failure.getIndex()).isZero();
			assertThat(failure).hasCause(outage);
			assertThat(this.outages.backOffFunction()
				.apply(RECORD, new ListenerExecutionFailedException("listener failed", failure))).isNotNull();
		});
	}

	@Test
	void blamesTheRecordThatFailsAloneAndKeepsTheOnesBeforeIt() {
		List<String> stored = new ArrayList<>();

		assertThatThrownBy(() -> StoreOutages.storePoll("the poll", List.of("a", "bad", "c"), (items) -> {
			if (items.contains("bad")) {
				throw new IllegalStateException("a bug storing 'bad'");
			}
			stored.addAll(items);
		})).isInstanceOfSatisfying(BatchListenerFailedException.class, (failure) -> {
			assertThat(failure.getIndex()).isEqualTo(1);
			assertThat(failure).hasRootCauseMessage("a bug storing 'bad'");
		});
		assertThat(stored).containsExactly("a");
	}

	@Test
	void takesAPrimaryThatStepsDownForAnOutage() {
		assertThat(StoreOutages.isOutage(new TransientMongoDbException("NotWritablePrimary", null))).isTrue();
	}

	@Test
	void leavesFailingOperationsToTheQuickRetriesAndTheDeadLetterTopic() {
		Exception duplicate = new ListenerExecutionFailedException("listener failed",
				new DuplicateKeyException("E11000 duplicate key"));

		assertThat(this.outages.backOffFunction().apply(RECORD, duplicate)).isNull();
		assertThat(StoreOutages.isOutage(new OptimisticLockingFailureException("revision 3 is not 2"))).isFalse();
		assertThat(StoreOutages.isOutage(new IllegalStateException("a bug"))).isFalse();
	}

}
