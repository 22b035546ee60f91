package dev.flowgate.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a key may do: trigger and read executions, or use the management API. */
public enum KeyScope {

	@JsonProperty("run")
	RUN,

	@JsonProperty("manage")
	MANAGE;

}
