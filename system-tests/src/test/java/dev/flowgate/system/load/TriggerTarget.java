package dev.flowgate.system.load;

/**
 * A deployment behind one gateway.
 *
 * @param gatewayUrl the gateway's base URL
 * @param mode {@code sync} or {@code async}, as the deployment was created
 */
public record TriggerTarget(String gatewayUrl, String deploymentId, String mode) {

	/** The native trigger path. */
	public String path() {
		return "/v1/deployments/" + this.deploymentId + "/executions";
	}

}
