package dev.flowgate.deployments.config;

import java.time.Duration;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * While MongoDB cannot be reached (down, restarting, electing a primary) a record is not
 * at fault: it is tried again, with pauses growing to a limit, until the store answers,
 * instead of going to the dead-letter topic after the few retries meant for records that
 * fail on their own.
 */
final class StoreOutages {

	private static final double GROWTH = 2.0;

	private StoreOutages() {
	}

	/**
	 * The back-off for a store outage; {@code null} (the handler's own) for anything
	 * else.
	 */
	static BiFunction<ConsumerRecord<?, ?>, Exception, BackOff> backOff(Duration firstPause, Duration longestPause) {
		return (record, failure) -> isOutage(failure) ? untilAnswered(firstPause, longestPause) : null;
	}

	static boolean isOutage(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException) {
				return true;
			}
		}
		return false;
	}

	private static BackOff untilAnswered(Duration firstPause, Duration longestPause) {
		ExponentialBackOff backOff = new ExponentialBackOff(firstPause.toMillis(), GROWTH);
		backOff.setMaxInterval(longestPause.toMillis());
		return backOff;
	}

}
