package dev.flowgate.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Test deployments are for development; production ones answer FluxPrompt's flowId. */
public enum DeploymentEnvironment {

	@JsonProperty("test")
	TEST,

	@JsonProperty("production")
	PRODUCTION;

}
