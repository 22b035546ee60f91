package dev.flowgate.delivery.persistence;

import java.util.Optional;

import dev.flowgate.delivery.domain.signing.OwnerSecret;
import dev.flowgate.delivery.domain.signing.WebhookSecretStore;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** One document per owner, replaced only if nobody changed it meanwhile. */
@Repository
class MongoWebhookSecretStore implements WebhookSecretStore {

	private final MongoTemplate mongo;

	private final SecretCipher cipher;

	MongoWebhookSecretStore(MongoTemplate mongo, SecretCipher cipher) {
		this.mongo = mongo;
		this.cipher = cipher;
	}

	@Override
	public Optional<OwnerSecret> find(String ownerId) {
		return Optional.ofNullable(this.mongo.findById(ownerId, WebhookSecretDocument.class))
			.map((document) -> document.toOwnerSecret(this.cipher));
	}

	@Override
	public OwnerSecret insertIfAbsent(OwnerSecret secret) {
		try {
			this.mongo.insert(WebhookSecretDocument.of(secret, this.cipher));
			return secret;
		}
		catch (DuplicateKeyException ex) {
			return find(secret.ownerId()).orElseThrow(() -> ex);
		}
	}

	@Override
	public boolean replace(OwnerSecret next) {
		WebhookSecretDocument document = WebhookSecretDocument.of(next, this.cipher);
		Query query = Query.query(where(WebhookSecretDocument.ID).is(next.ownerId())
			.and(WebhookSecretDocument.VERSION)
			.is(next.version() - 1));
		Update update = Update.update(WebhookSecretDocument.SECRET, document.secret())
			.set(WebhookSecretDocument.CREATED_AT, document.createdAt())
			.set(WebhookSecretDocument.REVEALED, document.revealed())
			.set(WebhookSecretDocument.PREVIOUS_SECRET, document.previousSecret())
			.set(WebhookSecretDocument.PREVIOUS_VALID_UNTIL, document.previousValidUntil())
			.set(WebhookSecretDocument.PREVIOUS_SECRETS, document.previousSecrets())
			.set(WebhookSecretDocument.PREVIOUS_SECRETS_VERSION, document.previousSecretsVersion())
			.set(WebhookSecretDocument.ROTATED_AT, document.rotatedAt())
			.set(WebhookSecretDocument.VERSION, document.version());
		return this.mongo.updateFirst(query, update, WebhookSecretDocument.class).getMatchedCount() == 1;
	}

	@Override
	public boolean delete(String ownerId) {
		return this.mongo.remove(Query.query(where(WebhookSecretDocument.ID).is(ownerId)), WebhookSecretDocument.class)
			.getDeletedCount() > 0;
	}

}
