package dev.flowgate.delivery.persistence;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

import dev.flowgate.delivery.domain.signing.OwnerSecret;
import dev.flowgate.delivery.domain.signing.OwnerSecret.PreviousSecret;
import dev.flowgate.delivery.domain.signing.UnreadableSecretException;
import dev.flowgate.delivery.domain.signing.WebhookSecret;
import dev.flowgate.delivery.support.FreshDatabases;
import dev.flowgate.infra.test.FlowgateInfra;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One secret per owner, encrypted at rest; a change applies only to the version it was
 * made from.
 */
@FlowgateInfra
class MongoWebhookSecretStoreTest {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	private static final String KEY = SecretCipherTest.newKey();

	private static final String OLD_KEY = SecretCipherTest.newKey();

	private MongoTemplate mongo;

	private MongoWebhookSecretStore store;

	@BeforeEach
	void freshDatabase() {
		this.mongo = FreshDatabases.create("delivery_secrets");
		this.store = storeWithKeys(KEY);
	}

	@Test
	void keepsTheFirstSecretInserted() {
		OwnerSecret first = secret(1);
		OwnerSecret second = secret(1);

		assertThat(this.store.insertIfAbsent(first)).isEqualTo(first);
		assertThat(this.store.insertIfAbsent(second).current()).isEqualTo(first.current());
		assertThat(this.store.find("owner-1")).contains(first);
	}

	@Test
	void replacesOnlyTheVersionBeforeTheChange() {
		this.store.insertIfAbsent(secret(1));
		OwnerSecret next = secret(2);

		assertThat(this.store.replace(secret(3))).isFalse();
		assertThat(this.store.replace(next)).isTrue();
		assertThat(this.store.replace(next)).isFalse();
		assertThat(this.store.find("owner-1")).contains(next);
	}

	@Test
	void storesNeitherTheSecretNorThePreviousOneInPlainText() {
		OwnerSecret rotated = new OwnerSecret("owner-1", WebhookSecret.generate(new SecureRandom(), 32), NOW, false,
				List.of(previous(NOW.plusSeconds(3600))), NOW, 1);
		this.store.insertIfAbsent(rotated);

		Document stored = this.mongo.getCollection(WebhookSecretDocument.COLLECTION).find().first();
		assertThat(stored.toJson()).doesNotContain(rotated.current().value())
			.doesNotContain(rotated.previous().get(0).secret().value())
			.doesNotContain("whsec_");
		assertThat(this.store.find("owner-1")).contains(rotated);
	}

	@Test
	void keepsEveryEarlierSecretWithItsOwnDeadlineEncrypted() {
		this.store.insertIfAbsent(secret(1));
		OwnerSecret next = new OwnerSecret("owner-1", WebhookSecret.generate(new SecureRandom(), 32), NOW, true, List
			.of(previous(NOW.plusSeconds(3600)), previous(NOW.plusSeconds(60)), previous(NOW.plusSeconds(7200))), NOW,
				2);

		assertThat(this.store.replace(next)).isTrue();

		assertThat(this.store.find("owner-1")).contains(next);
		assertThat(this.mongo.getCollection(WebhookSecretDocument.COLLECTION).find().first().toJson())
			.doesNotContain("whsec_");
	}

	@Test
	void readsTheOneEarlierSecretOfADocumentAnOlderInstanceWrote() {
		OwnerSecret listed = new OwnerSecret("owner-1", WebhookSecret.generate(new SecureRandom(), 32), NOW, true,
				List.of(previous(NOW.plusSeconds(3600)), previous(NOW.plusSeconds(7200))), NOW, 1);
		this.store.insertIfAbsent(listed);
		WebhookSecret newer = WebhookSecret.generate(new SecureRandom(), 32);
		SecretCipher cipher = new SecretCipher(List.of(KEY));
		// As an instance that knows one earlier secret rotates: the list is left as it
		// was.
		this.mongo.updateFirst(Query.query(Criteria.where(WebhookSecretDocument.ID).is("owner-1")),
				Update.update(WebhookSecretDocument.SECRET, cipher.seal("owner-1", newer.value()))
					.set(WebhookSecretDocument.PREVIOUS_SECRET, cipher.seal("owner-1", listed.current().value()))
					.set(WebhookSecretDocument.PREVIOUS_VALID_UNTIL, NOW.plusSeconds(60))
					.set(WebhookSecretDocument.VERSION, 2),
				WebhookSecretDocument.class);

		OwnerSecret read = this.store.find("owner-1").orElseThrow();

		assertThat(read.current()).isEqualTo(newer);
		assertThat(read.previous()).containsExactly(new PreviousSecret(listed.current(), NOW.plusSeconds(60)));
	}

	@Test
	void readsSecretsEncryptedWithAnEarlierKeyAndWritesWithTheFirst() {
		OwnerSecret first = secret(1);
		storeWithKeys(OLD_KEY).insertIfAbsent(first);
		MongoWebhookSecretStore rekeyed = storeWithKeys(KEY + "," + OLD_KEY);

		assertThat(rekeyed.find("owner-1")).contains(first);
		OwnerSecret next = secret(2);
		rekeyed.replace(next);
		assertThat(this.store.find("owner-1")).contains(next);
	}

	@Test
	void refusesToReadWithoutTheKeyThatEncrypted() {
		storeWithKeys(OLD_KEY).insertIfAbsent(secret(1));

		assertThatExceptionOfType(UnreadableSecretException.class).isThrownBy(() -> this.store.find("owner-1"))
			.withMessageContaining("owner-1")
			.withMessageContaining("not among flowgate.delivery.secrets.encryption-keys");
	}

	@Test
	void stillReadsSecretsStoredBeforeEncryptionWasConfigured() {
		OwnerSecret plain = secret(1);
		storeWithKeys("").insertIfAbsent(plain);

		assertThat(this.store.find("owner-1")).contains(plain);
	}

	@Test
	void reEncryptsSecretsInPlainTextOrUnderAnEarlierKeySoThatKeyCanGo() {
		OwnerSecret plain = secret("owner-plain", 1);
		OwnerSecret old = new OwnerSecret("owner-old", WebhookSecret.generate(new SecureRandom(), 32), NOW, true,
				List.of(previous(NOW.plusSeconds(60)), previous(NOW.plusSeconds(120))), NOW, 1);
		OwnerSecret current = secret("owner-current", 1);
		storeWithKeys("").insertIfAbsent(plain);
		storeWithKeys(OLD_KEY).insertIfAbsent(old);
		this.store.insertIfAbsent(current);
		SecretResealing resealing = new SecretResealing(this.mongo, new SecretCipher(List.of(KEY, OLD_KEY)));

		assertThat(resealing.resealAll()).isEqualTo(2);
		assertThat(resealing.resealAll()).isZero();
		assertThat(this.store.find("owner-plain")).contains(plain);
		assertThat(this.store.find("owner-old")).contains(old);
		assertThat(this.store.find("owner-current")).contains(current);
		assertThat(this.mongo.getCollection(WebhookSecretDocument.COLLECTION).find())
			.allSatisfy((document) -> assertThat(document.toJson()).doesNotContain("whsec_"));
	}

	private MongoWebhookSecretStore storeWithKeys(String keys) {
		return new MongoWebhookSecretStore(this.mongo, new SecretCipher(List.of(keys.split(","))));
	}

	private static OwnerSecret secret(long version) {
		return secret("owner-1", version);
	}

	private static OwnerSecret secret(String ownerId, long version) {
		return new OwnerSecret(ownerId, WebhookSecret.generate(new SecureRandom(), 32), NOW, false, List.of(), null,
				version);
	}

	private static PreviousSecret previous(Instant validUntil) {
		return new PreviousSecret(WebhookSecret.generate(new SecureRandom(), 32), validUntil);
	}

}
