package dev.flowgate.deployments.domain.execution;

import java.time.Instant;
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

	Optional<ExecutionRecord> find(String ownerId, String executionId);

	/** Fetches {@code query.limit()} records and tells whether there are more. */
	ExecutionPage page(ExecutionQuery query);

	/** Removes the records created before {@code cutoff}; returns how many. */
	long deleteCreatedBefore(Instant cutoff);

}
