package dev.flowgate.keys.domain.key;

import java.util.Set;

/**
 * The deployments an owner has, as deployment-service knows them now: asked when a key is
 * scoped to some, so that a typo is refused when the key is made rather than at its first
 * trigger.
 */
public interface DeploymentDirectory {

	/**
	 * @return those of {@code deploymentIds} that name no deployment of the owner
	 * @throws DeploymentDirectoryUnavailableException when the answer cannot be had now
	 */
	Set<String> unknownAmong(String ownerId, Set<String> deploymentIds);

}
