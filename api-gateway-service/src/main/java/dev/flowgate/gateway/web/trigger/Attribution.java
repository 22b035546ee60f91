package dev.flowgate.gateway.web.trigger;

import dev.flowgate.gateway.domain.deployment.Deployment;

/**
 * Whose usage a refused trigger call counts in: set once the call's key has been found
 * valid and the deployment its owner's, so refusals of strangers count for nobody.
 */
final class Attribution {

	private volatile Deployment deployment;

	/** The deployment the call is for, found among the key owner's. */
	void to(Deployment deployment) {
		this.deployment = deployment;
	}

	/** The owner's deployment, or {@code null} while the call has not got that far. */
	Deployment deployment() {
		return this.deployment;
	}

}
