package dev.flowgate.deployments.domain.flow;

/** Tells whether a deployment still uses a flow. */
public interface DeployedFlows {

	boolean isDeployed(String flowId);

}
