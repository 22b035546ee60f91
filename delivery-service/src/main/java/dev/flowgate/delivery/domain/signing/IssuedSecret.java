package dev.flowgate.delivery.domain.signing;

/**
 * A secret shown to its owner, once.
 *
 * @param rotated whether a new secret replaced an older one (rather than the first
 * showing of the existing one)
 */
public record IssuedSecret(OwnerSecret state, boolean rotated) {

	public WebhookSecret secret() {
		return this.state.current();
	}

}
