package dev.flowgate.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a result is delivered. */
public enum DeliveryChannel {

	@JsonProperty("callback")
	CALLBACK,

	@JsonProperty("email")
	EMAIL;

}
