package dev.flowgate.delivery.persistence;

import java.time.Instant;

import dev.flowgate.delivery.domain.signing.OwnerSecret;
import dev.flowgate.delivery.domain.signing.WebhookSecret;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An owner's signing secret. Unlike API keys it cannot be a hash: every webhook is signed
 * with it. So it is stored encrypted ({@link SecretCipher}).
 */
@Document(WebhookSecretDocument.COLLECTION)
record WebhookSecretDocument(@Id String ownerId, String secret, Instant createdAt, boolean revealed,
		String previousSecret, Instant previousValidUntil, Instant rotatedAt, long version) {

	static final String COLLECTION = "webhook_secrets";

	static final String ID = "_id";

	static final String SECRET = "secret";

	static final String CREATED_AT = "createdAt";

	static final String REVEALED = "revealed";

	static final String PREVIOUS_SECRET = "previousSecret";

	static final String PREVIOUS_VALID_UNTIL = "previousValidUntil";

	static final String ROTATED_AT = "rotatedAt";

	static final String VERSION = "version";

	static WebhookSecretDocument of(OwnerSecret secret, SecretCipher cipher) {
		String owner = secret.ownerId();
		return new WebhookSecretDocument(owner, cipher.seal(owner, secret.current().value()), secret.createdAt(),
				secret.revealed(), (secret.previous() != null) ? cipher.seal(owner, secret.previous().value()) : null,
				secret.previousValidUntil(), secret.rotatedAt(), secret.version());
	}

	/** Never the secrets themselves, should a document end up in a log. */
	@Override
	public String toString() {
		return "WebhookSecretDocument[ownerId=" + this.ownerId + ", version=" + this.version + "]";
	}

	OwnerSecret toOwnerSecret(SecretCipher cipher) {
		String owner = this.ownerId;
		return new OwnerSecret(owner, WebhookSecret.of(cipher.open(owner, this.secret)), this.createdAt, this.revealed,
				(this.previousSecret != null) ? WebhookSecret.of(cipher.open(owner, this.previousSecret)) : null,
				this.previousValidUntil, this.rotatedAt, this.version);
	}

}
