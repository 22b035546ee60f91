package dev.flowgate.deployments.domain.execution;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Stores one record per execution id. */
public interface ExecutionRepository {

	/**
	 * Replaces the record with {@code change} applied to it, atomically with respect to
	 * concurrent changes of the same record.
	 * @param change receives {@code null} when there is no record yet
	 */
	ExecutionRecord merge(String executionId, UnaryOperator<ExecutionRecord> change);

	/**
	 * Applies each change to its record as {@link #merge} does, the batch at once where
	 * no concurrent change of the same records gets in the way.
	 * @param changes by execution id; each receives {@code null} when there is no record
	 * yet
	 */
	void mergeAll(Map<String, UnaryOperator<ExecutionRecord>> changes);

	Optional<ExecutionRecord> find(String ownerId, String executionId);

	/**
	 * Fetches {@code query.limit()} records and tells whether there are more. Only
	 * records whose trigger is recorded: before, {@code createdAt} is the runner's time
	 * and moves once the trigger comes, which would show a record on two pages or on
	 * none.
	 */
	ExecutionPage page(ExecutionQuery query);

	/** Removes the records created before {@code cutoff}; returns how many. */
	long deleteCreatedBefore(Instant cutoff);

	/**
	 * Removes up to {@code limit} of the owner's records, with what waits to be published
	 * of them (replay triggers, cancel requests): the owner was deleted.
	 * @return how many records it found, 0 once none is left
	 */
	int deleteOwned(String ownerId, int limit);

}
