package dev.flowgate.deployments.domain.deployment;

import dev.flowgate.deployments.domain.ConflictException;

/** The owner has as many deployments as one may have. */
public class DeploymentLimitReachedException extends ConflictException {

	DeploymentLimitReachedException(int limit) {
		super(Kind.LIMIT_REACHED,
				"An owner can have at most " + limit + " deployments; delete the deployments no longer used");
	}

}
