package dev.flowgate.delivery.persistence;

import dev.flowgate.delivery.domain.signing.UnreadableSecretException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * At start, encrypts with the first configured key every signing secret stored in plain
 * text or under an earlier key, so an operator can drop the earlier key after one
 * restart. There is one document per owner: a full pass is cheap.
 */
@Component
class SecretResealing {

	private static final Logger logger = LoggerFactory.getLogger(SecretResealing.class);

	private final MongoTemplate mongo;

	private final SecretCipher cipher;

	SecretResealing(MongoTemplate mongo, SecretCipher cipher) {
		this.mongo = mongo;
		this.cipher = cipher;
	}

	@EventListener(ApplicationStartedEvent.class)
	void onStart() {
		int resealed = resealAll();
		if (resealed > 0) {
			logger.info("Encrypted {} webhook signing secret(s) with the first configured key", resealed);
		}
	}

	/**
	 * @return how many documents were rewritten
	 */
	int resealAll() {
		if (!this.cipher.encrypts()) {
			return 0;
		}
		int resealed = 0;
		for (WebhookSecretDocument stored : this.mongo.findAll(WebhookSecretDocument.class)) {
			if (needsResealing(stored) && reseal(stored)) {
				resealed++;
			}
		}
		return resealed;
	}

	private boolean needsResealing(WebhookSecretDocument stored) {
		return this.cipher.needsResealing(stored.secret()) || this.cipher.needsResealing(stored.previousSecret())
				|| stored.sealedPrevious().stream().anyMatch((p) -> this.cipher.needsResealing(p.secret()));
	}

	/**
	 * Rewrites the document unless it changed meanwhile (a rotation seals anew anyway).
	 */
	private boolean reseal(WebhookSecretDocument stored) {
		WebhookSecretDocument sealed;
		try {
			sealed = WebhookSecretDocument.of(stored.toOwnerSecret(this.cipher), this.cipher);
		}
		catch (UnreadableSecretException ex) {
			logger.warn("Cannot re-encrypt the webhook signing secret of owner {}: {}", stored.ownerId(),
					ex.getMessage());
			return false;
		}
		Query unchanged = Query.query(where(WebhookSecretDocument.ID).is(stored.ownerId())
			.and(WebhookSecretDocument.VERSION)
			.is(stored.version())
			.and(WebhookSecretDocument.SECRET)
			.is(stored.secret()));
		Update update = Update.update(WebhookSecretDocument.SECRET, sealed.secret())
			.set(WebhookSecretDocument.PREVIOUS_SECRET, sealed.previousSecret())
			.set(WebhookSecretDocument.PREVIOUS_VALID_UNTIL, sealed.previousValidUntil())
			.set(WebhookSecretDocument.PREVIOUS_SECRETS, sealed.previousSecrets())
			.set(WebhookSecretDocument.PREVIOUS_SECRETS_VERSION, sealed.previousSecretsVersion());
		return this.mongo.updateFirst(unchanged, update, WebhookSecretDocument.class).getMatchedCount() == 1;
	}

}
