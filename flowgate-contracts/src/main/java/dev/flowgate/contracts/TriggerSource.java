package dev.flowgate.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which endpoint accepted a trigger. */
public enum TriggerSource {

	@JsonProperty("native")
	NATIVE,

	@JsonProperty("aicuflow")
	AICUFLOW,

	@JsonProperty("fluxprompt")
	FLUXPROMPT,

	@JsonProperty("replay")
	REPLAY;

}
