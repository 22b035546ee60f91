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
		List<ConsumerRecord<String, String>> poll = records("a", "b");
		List<List<String>> tried = new ArrayList<>();

		assertThatThrownBy(() -> StoreOutages.storePoll("the poll", poll, String.class, (items) -> {
			tried.add(items);
			throw outage;
		})).isInstanceOfSatisfying(BatchListenerFailedException.class, (failure) -> {
			assertThat(tried).containsExactly(List.of("a", "b"));
			assertThat(failure.getRecord()).isSameAs(poll.get(0));
			assertThat(failure).hasCause(outage);
			assertThat(this.outages.backOffFunction()
				.apply(RECORD, new ListenerExecutionFailedException("listener failed", failure))).isNotNull();
		});
	}

	@Test
	void blamesTheRecordThatFailsAloneAndKeepsTheOnesBeforeIt() {
		List<ConsumerRecord<String, String>> poll = records("a", "bad", "c");
		List<String> stored = new ArrayList<>();

		assertThatThrownBy(() -> StoreOutages.storePoll("the poll", poll, String.class, (items) -> {
			if (items.contains("bad")) {
				throw new IllegalStateException("a bug storing 'bad'");
			}
			stored.addAll(items);
		})).isInstanceOfSatisfying(BatchListenerFailedException.class, (failure) -> {
			assertThat(failure.getRecord()).isSameAs(poll.get(1));
			assertThat(failure).hasRootCauseMessage("a bug storing 'bad'");
		});
		assertThat(stored).containsExactly("a");
	}

	@Test
	void blamesTheRecordItselfWhenTheListenerPassedOverSomeOfThePoll() {
		List<ConsumerRecord<String, String>> poll = records("skipped", "a", "bad");
		List<ConsumerRecord<String, String>> kept = poll.subList(1, 3);

		assertThatThrownBy(() -> StoreOutages.storePoll("the poll", kept, String.class, (items) -> {
			if (items.contains("bad")) {
				throw new IllegalStateException("a bug storing 'bad'");
			}
		})).isInstanceOfSatisfying(BatchListenerFailedException.class,
				(failure) -> assertThat(failure.getRecord()).isSameAs(poll.get(2)));
	}

	/** Records of one partition at offsets 0, 1, ... */
	private static List<ConsumerRecord<String, String>> records(String... values) {
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		for (String value : values) {
			records.add(new ConsumerRecord<>("topic", 0, records.size(), value, value));
		}
		return records;
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
