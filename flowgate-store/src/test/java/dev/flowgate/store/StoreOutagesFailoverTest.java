package dev.flowgate.store;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoStalePrimaryException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.bulk.WriteConcernError;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ServerId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonMaximumSizeExceededException;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.data.mongodb.core.MongoExceptionTranslator;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * What the driver raises in a replica-set failover, made a Spring exception by the real
 * translator, as {@code MongoTemplate} does. The expected Spring exception records what
 * the translator makes of each: most failovers are not a resource failure to it.
 */
class StoreOutagesFailoverTest {

	private static final ServerAddress PRIMARY = new ServerAddress("mongo-0", 27017);

	private static final BulkWriteResult NOTHING_WRITTEN = BulkWriteResult.acknowledged(0, 0, 0, 0, List.of(),
			List.of());

	private final MongoExceptionTranslator translator = new MongoExceptionTranslator();

	static Stream<Arguments> failovers() {
		return Stream
			.of(arguments("NotWritablePrimary",
					new MongoNotPrimaryException(error(10107, "NotWritablePrimary"), PRIMARY),
					UncategorizedMongoDbException.class),
					arguments("NotPrimaryNoSecondaryOk",
							new MongoNotPrimaryException(error(13435, "NotPrimaryNoSecondaryOk"), PRIMARY),
							UncategorizedMongoDbException.class),
					arguments("NotPrimaryOrSecondary",
							new MongoNodeIsRecoveringException(error(13436, "NotPrimaryOrSecondary"), PRIMARY),
							UncategorizedMongoDbException.class),
					arguments("InterruptedDueToReplStateChange",
							new MongoNodeIsRecoveringException(error(11602, "InterruptedDueToReplStateChange"),
									PRIMARY),
							UncategorizedMongoDbException.class),
					arguments("PrimarySteppedDown",
							new MongoNodeIsRecoveringException(error(189, "PrimarySteppedDown"), PRIMARY),
							UncategorizedMongoDbException.class),
					arguments("ShutdownInProgress",
							new MongoNodeIsRecoveringException(error(91, "ShutdownInProgress"), PRIMARY),
							DataAccessResourceFailureException.class),
					arguments("HostNotFound", new MongoCommandException(error(7, "HostNotFound"), PRIMARY),
							DataAccessResourceFailureException.class),
					arguments("HostUnreachable", new MongoCommandException(error(6, "HostUnreachable"), PRIMARY),
							DataAccessResourceFailureException.class),
					arguments("NetworkTimeout", new MongoCommandException(error(89, "NetworkTimeout"), PRIMARY),
							DataAccessResourceFailureException.class),
					arguments("a write concern error PrimarySteppedDown",
							new MongoWriteConcernException(concernError(189, "PrimarySteppedDown"), null, PRIMARY,
									Set.of()),
							UncategorizedMongoDbException.class),
					arguments("a write concern error InterruptedDueToReplStateChange",
							new MongoWriteConcernException(concernError(11602, "InterruptedDueToReplStateChange"), null,
									PRIMARY, Set.of()),
							UncategorizedMongoDbException.class),
					arguments("a bulk write's write concern error InterruptedDueToReplStateChange",
							new MongoBulkWriteException(NOTHING_WRITTEN, List.of(),
									concernError(11602, "InterruptedDueToReplStateChange"), PRIMARY, Set.of()),
							BulkOperationException.class),
					arguments("a bulk write's write error NotWritablePrimary",
							new MongoBulkWriteException(NOTHING_WRITTEN, List.of(bulkError(10107, "not primary")), null,
									PRIMARY, Set.of()),
							BulkOperationException.class),
					arguments("an error labelled RetryableWriteError, whatever its code",
							new MongoCommandException(error(133, "FailedToSatisfyReadPreference").append("errorLabels",
									new BsonArray(List.of(new BsonString("RetryableWriteError")))), PRIMARY),
							UncategorizedMongoDbException.class),
					arguments("a bulk write labelled RetryableWriteError",
							new MongoBulkWriteException(NOTHING_WRITTEN, List.of(),
									concernError(64, "WriteConcernFailed"), PRIMARY, Set.of("RetryableWriteError")),
							BulkOperationException.class),
					arguments("a connection pool cleared",
							new MongoConnectionPoolClearedException(new ServerId(new ClusterId(), PRIMARY), null),
							UncategorizedMongoDbException.class),
					arguments("a write error InterruptedDueToReplStateChange",
							new MongoWriteException(writeError(11602, "operation was interrupted"), PRIMARY, Set.of()),
							DataIntegrityViolationException.class),
					arguments("a server no longer available",
							new MongoServerUnavailableException("The server at mongo-0:27017 is no longer available"),
							UncategorizedMongoDbException.class),
					arguments("a stale primary",
							new MongoStalePrimaryException(
									"Primary marked stale due to electionId/setVersion mismatch"),
							UncategorizedMongoDbException.class),
					arguments("a socket closed",
							new MongoSocketReadException("Prematurely reached end of stream", PRIMARY),
							DataAccessResourceFailureException.class),
					arguments("no server selected",
							new MongoTimeoutException(
									"Timed out while waiting for a server that matches WritableServerSelector"),
							DataAccessResourceFailureException.class));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("failovers")
	void takesAFailoverForAnOutage(String what, RuntimeException raised, Class<?> translatedTo) {
		RuntimeException translated = translate(raised);

		assertThat(translated).isInstanceOf(translatedTo);
		assertThat(StoreOutages.isOutage(translated)).isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("failovers")
	void takesAFailoverForAnOutageWhenNothingTranslatedIt(String what, RuntimeException raised, Class<?> translatedTo) {
		// What is read from MongoTemplate.getCollection is not translated.
		assertThat(StoreOutages.isOutage(raised)).isTrue();
	}

	@Test
	void keepsRetryingARecordWhosePrimarySteppedDown() {
		RuntimeException steppedDown = translate(
				new MongoNodeIsRecoveringException(error(11602, "InterruptedDueToReplStateChange"), PRIMARY));
		Exception failure = new ListenerExecutionFailedException("listener failed",
				new BatchListenerFailedException("Recording the poll failed", steppedDown, 0));
		StoreOutages outages = new StoreOutages(
				new StoreProperties.Retry(Duration.ofSeconds(1), Duration.ofSeconds(30)));

		BackOff backOff = outages.backOffFunction().apply(new ConsumerRecord<>("t", 0, 0, "k", "v"), failure);

		// The outage's own schedule, growing to its longest pause and never giving up,
		// not the error handler's few tries before the dead-letter topic.
		assertThat(backOff).isNotNull();
		BackOffExecution execution = backOff.start();
		List<Long> pauses = Stream.generate(execution::nextBackOff).limit(20).toList();
		assertThat(pauses).doesNotContain(BackOffExecution.STOP).endsWith(30_000L);
	}

	static Stream<Arguments> badWrites() {
		return Stream.of(
				arguments("a duplicate key",
						new MongoWriteException(writeError(11000, "E11000 duplicate key"), PRIMARY, Set.of()),
						DuplicateKeyException.class),
				arguments("a document failing validation",
						new MongoWriteException(writeError(121, "Document failed validation"), PRIMARY, Set.of()),
						DataIntegrityViolationException.class),
				arguments("a document too large for the server",
						new MongoWriteException(writeError(10334, "BSONObj size is invalid"), PRIMARY, Set.of()),
						DataIntegrityViolationException.class),
				arguments("a document too large for the driver",
						new BsonMaximumSizeExceededException(
								"Payload document size is larger than maximum of 16793600."),
						BsonMaximumSizeExceededException.class),
				arguments("a duplicate key in a bulk write",
						new MongoBulkWriteException(NOTHING_WRITTEN, List.of(bulkError(11000, "E11000 duplicate key")),
								null, PRIMARY, Set.of()),
						DuplicateKeyException.class),
				arguments("a document failing validation in a bulk write",
						new MongoBulkWriteException(NOTHING_WRITTEN,
								List.of(bulkError(121, "Document failed validation")), null, PRIMARY, Set.of()),
						BulkOperationException.class));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badWrites")
	void leavesABadWriteToTheQuickRetriesAndTheDeadLetterTopic(String what, RuntimeException raised,
			Class<?> translatedTo) {
		RuntimeException translated = translate(raised);

		assertThat(translated).isInstanceOf(translatedTo);
		assertThat(StoreOutages.isOutage(translated)).isFalse();
		assertThat(StoreOutages.isOutage(raised)).isFalse();
	}

	@Test
	void leavesAnOperationOutOfItsOwnTimeLimitToTheQuickRetries() {
		// timeoutMS, which Flowgate does not set: a slow operation as likely as a store
		// away.
		RuntimeException raised = new MongoOperationTimeoutException("Operation exceeded the timeout limit");

		assertThat(StoreOutages.isOutage(translate(raised))).isFalse();
		assertThat(StoreOutages.isOutage(raised)).isFalse();
	}

	/** As MongoTemplate does: what the translator does not know is thrown as it is. */
	private RuntimeException translate(RuntimeException raised) {
		RuntimeException translated = this.translator.translateExceptionIfPossible(raised);
		return (translated != null) ? translated : raised;
	}

	/** A command's answer as the server sends it. */
	private static BsonDocument error(int code, String codeName) {
		return new BsonDocument("ok", new BsonDouble(0)).append("errmsg", new BsonString(codeName))
			.append("code", new BsonInt32(code))
			.append("codeName", new BsonString(codeName));
	}

	private static WriteConcernError concernError(int code, String codeName) {
		return new WriteConcernError(code, codeName, codeName, new BsonDocument());
	}

	private static WriteError writeError(int code, String message) {
		return new WriteError(code, message, new BsonDocument());
	}

	private static BulkWriteError bulkError(int code, String message) {
		return new BulkWriteError(code, message, new BsonDocument(), 0);
	}

}
