package dev.flowgate.store;

import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.data.mongodb.TransientMongoDbException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * While MongoDB cannot be reached (down, restarting, electing a primary) a record is not
 * at fault: it is tried again, with pauses growing to a limit, until the store answers,
 * instead of going to the dead-letter topic after the few retries meant for records that
 * fail on their own.
 */
public final class StoreOutages {

	private static final double GROWTH = 2.0;

	private final StoreProperties.Retry retry;

	StoreOutages(StoreProperties.Retry retry) {
		this.retry = retry;
	}

	/**
	 * For {@code DefaultErrorHandler.setBackOffFunction}: the back-off for a store
	 * outage, {@code null} (the handler's own) for anything else.
	 */
	public BiFunction<ConsumerRecord<?, ?>, Exception, BackOff> backOffFunction() {
		return (record, failure) -> isOutage(failure) ? untilAnswered() : null;
	}

	/**
	 * Stores what a batch listener took from one poll, in one write. A failure is
	 * reported against a record, so that the error handler applies its per-record policy
	 * (while MongoDB is away, {@link #backOffFunction()}) rather than its fallback for a
	 * failed batch, which gives up after the quick retries: a record of another kind
	 * (undecodable, or the wrong event) against itself, the records before it stored; an
	 * outage against the first record; any other failure against the record that fails
	 * alone, found by storing them one by one, so that the others are kept and only it is
	 * dead-lettered. Named by the record, not by its index: a listener may pass over some
	 * of the poll's records.
	 * @param what what is stored, for the failure's message
	 * @param records the poll's records to store, in the poll's order; storing one again
	 * must change nothing
	 * @param kind what each record's value must be
	 */
	public static <T> void storePoll(String what, List<? extends ConsumerRecord<String, ?>> records, Class<T> kind,
			Consumer<List<T>> store) {
		for (int i = 0; i < records.size(); i++) {
			if (!kind.isInstance(records.get(i).value())) {
				storeAll(what, records.subList(0, i), kind, store);
				throw new BatchListenerFailedException("Not a " + kind.getSimpleName(), records.get(i));
			}
		}
		storeAll(what, records, kind, store);
	}

	private static <T> void storeAll(String what, List<? extends ConsumerRecord<String, ?>> records, Class<T> kind,
			Consumer<List<T>> store) {
		if (records.isEmpty()) {
			return;
		}
		try {
			store.accept(records.stream().map((record) -> kind.cast(record.value())).toList());
		}
		catch (RuntimeException ex) {
			if (isOutage(ex) || records.size() == 1) {
				throw new BatchListenerFailedException("Storing " + what + " failed", ex, records.get(0));
			}
			for (ConsumerRecord<String, ?> record : records) {
				storeAlone(what, record, kind, store);
			}
		}
	}

	private static <T> void storeAlone(String what, ConsumerRecord<String, ?> record, Class<T> kind,
			Consumer<List<T>> store) {
		try {
			store.accept(List.of(kind.cast(record.value())));
		}
		catch (RuntimeException ex) {
			throw new BatchListenerFailedException("Storing " + what + " failed", ex, record);
		}
	}

	/**
	 * Whether a failure, or one of its causes, says the store could not be reached or had
	 * no writable primary (a failover, a primary stepping down), as opposed to a failing
	 * operation (a duplicate key, a rejected document, a conflicting revision, a bug).
	 * The one answer for the listeners' error handler, the scheduled rounds and the API's
	 * 503 ({@link StoreUnavailableResolver}).
	 */
	public static boolean isOutage(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException
					|| cause instanceof TransientDataAccessResourceException
					|| cause instanceof TransientMongoDbException || MongoFailovers.isFailover(cause)) {
				return true;
			}
		}
		return false;
	}

	private BackOff untilAnswered() {
		Duration first = this.retry.firstPause();
		ExponentialBackOff backOff = new ExponentialBackOff(first.toMillis(), GROWTH);
		backOff.setMaxInterval(this.retry.longestPause().toMillis());
		return backOff;
	}

}
