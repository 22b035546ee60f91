package dev.flowgate.delivery.web;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.flowgate.delivery.domain.signing.IssuedSecret;
import dev.flowgate.delivery.domain.signing.OwnerSecret;

/**
 * An owner's signing secret. {@code secret} is present only in the one answer that shows
 * it.
 *
 * @param fingerprint identifies the current secret without revealing it
 * @param revealed whether the owner has been shown the current secret
 * @param previousSecretValidUntil until when webhooks also carry signatures with earlier
 * secrets (the last of their overlaps to end), or {@code null}
 * @param rotated in a rotation's answer: whether a new secret replaced an older one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WebhookSecretResource(String secret, String fingerprint, Instant createdAt, boolean revealed, Instant rotatedAt,
		Instant previousSecretValidUntil, Boolean rotated) {

	static WebhookSecretResource metadata(OwnerSecret secret) {
		return new WebhookSecretResource(null, secret.current().fingerprint(), secret.createdAt(), secret.revealed(),
				secret.rotatedAt(), secret.previousValidUntil(), null);
	}

	static WebhookSecretResource issued(IssuedSecret issued) {
		OwnerSecret state = issued.state();
		return new WebhookSecretResource(issued.secret().value(), state.current().fingerprint(), state.createdAt(),
				state.revealed(), state.rotatedAt(), state.previousValidUntil(), issued.rotated());
	}

	/** Never the secret, should a resource end up in a log. */
	@Override
	public String toString() {
		return "WebhookSecretResource[fingerprint=" + this.fingerprint + "]";
	}

}
