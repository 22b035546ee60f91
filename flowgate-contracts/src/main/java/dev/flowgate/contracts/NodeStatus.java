package dev.flowgate.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The outcome of one node in one execution. */
public enum NodeStatus {

	@JsonProperty("succeeded")
	SUCCEEDED,

	@JsonProperty("failed")
	FAILED,

	@JsonProperty("skipped")
	SKIPPED;

}
