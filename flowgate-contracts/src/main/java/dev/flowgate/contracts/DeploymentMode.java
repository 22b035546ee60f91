package dev.flowgate.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether the trigger call waits for the result. */
public enum DeploymentMode {

	@JsonProperty("sync")
	SYNC,

	@JsonProperty("async")
	ASYNC;

}
