package dev.flowgate.gateway.web.trigger;

import dev.flowgate.gateway.domain.deployment.Deployment;
import dev.flowgate.gateway.domain.key.Caller;

/**
 * How far a trigger call got. Whose usage a refusal counts in: set once the call's key
 * has been found valid and the deployment its owner's, so refusals of strangers count for
 * nobody. And which rate limits apply to it once it was taken from its key's, which a
 * refusal reports what is left of.
 */
final class Attribution {

	private volatile Deployment deployment;

	private volatile Caller charged;

	private volatile Deployment chargedFor;

	/** The deployment the call is for, found among the key owner's. */
	void to(Deployment deployment) {
		this.deployment = deployment;
	}

	/** The owner's deployment, or {@code null} while the call has not got that far. */
	Deployment deployment() {
		return this.deployment;
	}

	/**
	 * The call was taken from the key's limit; the limit of the deployment it may trigger
	 * applies too ({@code null} when it may trigger none).
	 */
	void charged(Caller caller, Deployment deployment) {
		this.charged = caller;
		this.chargedFor = deployment;
	}

	/** The caller whose key the call was taken from, or {@code null}. */
	Caller chargedCaller() {
		return this.charged;
	}

	/** The deployment it may trigger, once taken from the key; else {@code null}. */
	Deployment chargedFor() {
		return this.chargedFor;
	}

}
