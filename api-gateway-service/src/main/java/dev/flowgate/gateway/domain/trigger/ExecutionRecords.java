package dev.flowgate.gateway.domain.trigger;

import java.util.Optional;

import dev.flowgate.contracts.ExecutionRequested;

/** The execution records deployment-service keeps. */
public interface ExecutionRecords {

	/**
	 * The execution as deployment-service recorded it, empty when it has no such record
	 * for this owner.
	 * @throws dev.flowgate.gateway.domain.Rejection (503) when deployment-service cannot
	 * answer
	 */
	Optional<Recorded> find(String executionId, String ownerId);

	/**
	 * @param inputsDigest that of its trigger ({@link ExecutionRequested#inputsDigest}),
	 * {@code null} when none was recorded
	 * @param inputsComplete whether the execution's inputs are recorded in full
	 */
	record Recorded(ExecutionSnapshot execution, String inputsDigest, boolean inputsComplete) {
	}

}
