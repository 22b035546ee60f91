package dev.flowgate.delivery.persistence;

import java.time.Instant;
import java.util.List;

import dev.flowgate.delivery.domain.signing.OwnerSecret;
import dev.flowgate.delivery.domain.signing.OwnerSecret.PreviousSecret;
import dev.flowgate.delivery.domain.signing.WebhookSecret;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An owner's signing secret. Unlike API keys it cannot be a hash: every webhook is signed
 * with it. So it is stored encrypted ({@link SecretCipher}).
 * <p>
 * The earlier secrets still signing are {@code previousSecrets}, newest first, as of
 * {@code previousSecretsVersion}. {@code previousSecret} and {@code previousValidUntil}
 * repeat the newest for instances that know only one: a document one of those changed
 * since (or stored before the list) has its earlier secret there alone.
 */
@Document(WebhookSecretDocument.COLLECTION)
record WebhookSecretDocument(@Id String ownerId, String secret, Instant createdAt, boolean revealed,
		String previousSecret, Instant previousValidUntil, List<PreviousSecretDocument> previousSecrets,
		Long previousSecretsVersion, Instant rotatedAt, long version) {

	static final String COLLECTION = "webhook_secrets";

	static final String ID = "_id";

	static final String SECRET = "secret";

	static final String CREATED_AT = "createdAt";

	static final String REVEALED = "revealed";

	static final String PREVIOUS_SECRET = "previousSecret";

	static final String PREVIOUS_VALID_UNTIL = "previousValidUntil";

	static final String PREVIOUS_SECRETS = "previousSecrets";

	static final String PREVIOUS_SECRETS_VERSION = "previousSecretsVersion";

	static final String ROTATED_AT = "rotatedAt";

	static final String VERSION = "version";

	static WebhookSecretDocument of(OwnerSecret secret, SecretCipher cipher) {
		String owner = secret.ownerId();
		List<PreviousSecretDocument> previous = secret.previous()
			.stream()
			.map((p) -> new PreviousSecretDocument(cipher.seal(owner, p.secret().value()), p.validUntil()))
			.toList();
		PreviousSecretDocument newest = previous.isEmpty() ? null : previous.get(0);
		return new WebhookSecretDocument(owner, cipher.seal(owner, secret.current().value()), secret.createdAt(),
				secret.revealed(), (newest != null) ? newest.secret() : null,
				(newest != null) ? newest.validUntil() : null, previous, secret.version(), secret.rotatedAt(),
				secret.version());
	}

	/** Never the secrets themselves, should a document end up in a log. */
	@Override
	public String toString() {
		return "WebhookSecretDocument[ownerId=" + this.ownerId + ", version=" + this.version + "]";
	}

	OwnerSecret toOwnerSecret(SecretCipher cipher) {
		String owner = this.ownerId;
		List<PreviousSecret> previous = sealedPrevious().stream()
			.map((p) -> new PreviousSecret(WebhookSecret.of(cipher.open(owner, p.secret())), p.validUntil()))
			.toList();
		return new OwnerSecret(owner, WebhookSecret.of(cipher.open(owner, this.secret)), this.createdAt, this.revealed,
				previous, this.rotatedAt, this.version);
	}

	/** The earlier secrets as stored, newest first. */
	List<PreviousSecretDocument> sealedPrevious() {
		if (this.previousSecrets != null && Long.valueOf(this.version).equals(this.previousSecretsVersion)) {
			return this.previousSecrets;
		}
		return (this.previousSecret != null)
				? List.of(new PreviousSecretDocument(this.previousSecret, this.previousValidUntil)) : List.of();
	}

	/** An earlier secret, sealed, and until when it signs. */
	record PreviousSecretDocument(String secret, Instant validUntil) {

	}

}
