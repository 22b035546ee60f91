package dev.flowgate.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a key is accepted. */
public enum KeyStatus {

	@JsonProperty("active")
	ACTIVE,

	@JsonProperty("inactive")
	INACTIVE;

}
