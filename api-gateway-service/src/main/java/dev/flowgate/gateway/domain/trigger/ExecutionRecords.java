package dev.flowgate.gateway.domain.trigger;

import java.util.Optional;

/** The execution records deployment-service keeps. */
public interface ExecutionRecords {

	/**
	 * The execution as deployment-service recorded it, empty when it has no such record
	 * for this owner.
	 * @throws dev.flowgate.gateway.domain.Rejection (503) when deployment-service cannot
	 * answer
	 */
	Optional<ExecutionSnapshot> find(String executionId, String ownerId);

}
