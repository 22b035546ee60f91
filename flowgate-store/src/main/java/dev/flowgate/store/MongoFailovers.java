package dev.flowgate.store;

import java.util.Set;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoStalePrimaryException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.WriteConcernError;

/**
 * The driver's exceptions that say no writable primary could be reached: a server that
 * cannot be found or answers no more, one the driver no longer has (closed as it left the
 * replica set, or a primary found stale after an election), a failover, a primary
 * stepping down, a member shutting down. Spring's translator makes most failover errors
 * an {@code UncategorizedMongoDbException}, a write error a
 * {@code DataIntegrityViolationException} and those inside a bulk write a
 * {@code BulkOperationException}, none of which tells an outage from a bad write; and
 * what is read straight from a collection is not translated at all.
 */
final class MongoFailovers {

	/** What the server or the driver labels a write that may be tried again. */
	private static final String RETRYABLE_WRITE_ERROR = "RetryableWriteError";

	/**
	 * The codes the driver tries a write again on (retryable writes specification), which
	 * are also those that mark a server "not primary" or "recovering".
	 */
	private static final Set<Integer> CODES = Set.of(6, // HostUnreachable
			7, // HostNotFound
			89, // NetworkTimeout
			91, // ShutdownInProgress
			189, // PrimarySteppedDown
			262, // ExceededTimeLimit
			9001, // SocketException
			10058, // LegacyNotPrimary
			10107, // NotWritablePrimary
			11600, // InterruptedAtShutdown
			11602, // InterruptedDueToReplStateChange
			13435, // NotPrimaryNoSecondaryOk
			13436); // NotPrimaryOrSecondary

	private MongoFailovers() {
	}

	/**
	 * Whether this one exception, not its causes, is a failover or an unreachable server.
	 */
	static boolean isFailover(Throwable failure) {
		if (failure instanceof MongoOperationTimeoutException) {
			// An operation's own time limit (timeoutMS): as likely a slow operation as a
			// store away.
			return false;
		}
		if (failure instanceof MongoSocketException || failure instanceof MongoTimeoutException
				|| failure instanceof MongoNotPrimaryException || failure instanceof MongoNodeIsRecoveringException
				|| failure instanceof MongoConnectionPoolClearedException
				|| failure instanceof MongoServerUnavailableException
				|| failure instanceof MongoStalePrimaryException) {
			return true;
		}
		if (!(failure instanceof MongoException mongo)) {
			return false;
		}
		if (mongo.hasErrorLabel(RETRYABLE_WRITE_ERROR) || CODES.contains(mongo.getCode())) {
			return true;
		}
		return mongo instanceof MongoBulkWriteException bulk && isFailover(bulk);
	}

	/**
	 * A bulk write's own code says nothing: a step-down shows in its write concern error
	 * or in its write errors.
	 */
	private static boolean isFailover(MongoBulkWriteException bulk) {
		WriteConcernError concern = bulk.getWriteConcernError();
		if (concern != null && CODES.contains(concern.getCode())) {
			return true;
		}
		for (BulkWriteError error : bulk.getWriteErrors()) {
			if (CODES.contains(error.getCode())) {
				return true;
			}
		}
		return false;
	}

}
