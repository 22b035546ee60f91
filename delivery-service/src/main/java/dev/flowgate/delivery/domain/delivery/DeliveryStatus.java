package dev.flowgate.delivery.domain.delivery;

/** Where a delivery stands. */
public enum DeliveryStatus {

	/** Waiting for its next attempt. */
	PENDING,

	/** A receiver accepted it. */
	SUCCEEDED,

	/** Out of attempts, or stopped by a permanent failure. */
	FAILED,

	/** Not sent: the owner's callbacks to the deployment are disabled. */
	SKIPPED

}
