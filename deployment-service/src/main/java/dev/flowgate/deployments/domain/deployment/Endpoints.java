package dev.flowgate.deployments.domain.deployment;

/** The URLs that trigger a deployment, one per client dialect. */
public record Endpoints(String nativeUrl, String aicuflowUrl, String fluxpromptUrl) {

	public static Endpoints of(String publicBase, String deploymentId) {
		return new Endpoints(publicBase + "/v1/deployments/" + deploymentId + "/executions",
				publicBase + "/node/deployment-trigger/" + deploymentId + "/",
				publicBase + "/flux/api-v2?flowId=" + deploymentId);
	}

}
