package dev.flowgate.deployments.domain.execution;

/**
 * How far recording has got with the accepted triggers. An execution is recorded moments
 * after the gateway accepted it; a lookup made in between (a poll or a cancel right after
 * a {@code 202}) must not be told that it does not exist.
 */
public interface RecordedTriggers {

	/** For stores that hold everything already: never waits, never tells. */
	RecordedTriggers NONE = (executionId) -> false;

	/**
	 * Waits, within a bound, until every trigger accepted so far that could be this
	 * execution's is recorded.
	 * @return whether they are; {@code false} when that could not be told in time
	 */
	boolean awaitRecorded(String executionId);

}
