package dev.flowgate.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The lifecycle of an execution. */
public enum ExecutionStatus {

	@JsonProperty("queued")
	QUEUED,

	@JsonProperty("running")
	RUNNING,

	@JsonProperty("succeeded")
	SUCCEEDED,

	@JsonProperty("failed")
	FAILED,

	@JsonProperty("timed_out")
	TIMED_OUT,

	/** Stopped at the owner's request before it finished. */
	@JsonProperty("cancelled")
	CANCELLED;

	/** Whether the execution has ended: no later event changes it. */
	public boolean isFinished() {
		return this != QUEUED && this != RUNNING;
	}

}
