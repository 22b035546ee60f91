package dev.flowgate.deployments.domain.execution;

/**
 * How far recording has got with the execution events in Kafka. An execution is recorded
 * moments after the gateway accepted it, its result moments after a runner published it;
 * a lookup made in between (a poll or a cancel right after a {@code 202}, a poll right
 * after a sync answer) must not be told less than its caller already knows.
 */
@FunctionalInterface
public interface RecordedEvents {

	/** The events a lookup can wait for. */
	enum Kind {

		TRIGGERS, RESULTS

	}

	/**
	 * Waits, within a bound, until every event of the kind published so far that could be
	 * this execution's is recorded.
	 * @param lookupStarted {@link System#nanoTime()} when the lookup began: its waits
	 * together stay within the one bound
	 * @return whether they are; {@code false} when that could not be told in time
	 */
	boolean awaitRecorded(Kind kind, String executionId, long lookupStarted);

}
