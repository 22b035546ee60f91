package dev.flowgate.keys.persistence;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;

import dev.flowgate.contracts.KeyStatus;
import dev.flowgate.contracts.Topics;
import dev.flowgate.keys.KeyServiceIntegrationTest;
import dev.flowgate.keys.TopicReader;
import dev.flowgate.keys.domain.key.ApiKey;
import dev.flowgate.keys.domain.key.IssuedKey;
import dev.flowgate.keys.domain.key.KeyIssuer;
import dev.flowgate.keys.domain.key.KeyRequest;
import dev.flowgate.keys.domain.key.KeySecret;
import dev.flowgate.keys.domain.key.KeyService;
import dev.flowgate.keys.domain.key.KeyStore;
import dev.flowgate.store.PendingPublication;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A crash between saving a key and publishing it only delays the publication: the
 * republisher finds what is unpublished. Each crash is simulated by writing to the store
 * directly, exactly as the service does before it publishes.
 */
@KeyServiceIntegrationTest
class OutboxRecoveryTest {

	private static TopicReader topic;

	@Autowired
	private KeyStore store;

	@Autowired
	private KeyIssuer issuer;

	@Autowired
	private KeyService keys;

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private KeyIndexes indexes;

	@Autowired
	private KeyPublicationSweep sweep;

	@BeforeAll
	static void readTopic() {
		topic = TopicReader.keys();
	}

	@AfterAll
	static void closeTopic() {
		topic.close();
	}

	@Test
	void publishesAKeySavedJustBeforeACrash() {
		ApiKey key = newKey();

		this.store.insert(key);

		assertThat(topic.awaitFirstState(key.id()).secretHash()).isEqualTo(key.credential().secretHash());
		await().until(() -> document(key.id()).get("publishedVersion", Number.class).longValue() == key.version());
	}

	@Test
	void publishesAChangeSavedJustBeforeACrash() {
		IssuedKey issued = this.issuer.issue("owner-1", KeyRequest.firstKey());
		topic.awaitFirstState(issued.key().id());

		assertThat(this.store.replace(issued.key().deactivate())).isTrue();

		topic.awaitState(issued.key().id(), (state) -> state.status() == KeyStatus.INACTIVE);
	}

	@Test
	void deliversTheTombstoneOfADeletionSavedJustBeforeACrash() {
		IssuedKey issued = this.issuer.issue("owner-1", KeyRequest.firstKey());
		topic.awaitFirstState(issued.key().id());

		assertThat(this.store.replace(issued.key().delete())).isTrue();

		topic.awaitTombstone(issued.key().id());
		await().until(() -> document(issued.key().id()).get("publishedVersion", Number.class).longValue() == 2);
	}

	@Test
	void keepsADeletedKeyAsLongAsTheTopicKeepsItsTombstoneSoThatItCanBeSentAgain() {
		IssuedKey issued = this.issuer.issue(newOwner(), KeyRequest.firstKey());
		String id = issued.key().id();
		Instant before = Instant.now();

		this.keys.delete(issued.key().ownerId(), id);
		topic.awaitTombstone(id);
		await().until(() -> document(id).get(KeyDocument.FORGET_AT) != null);
		assertThat(document(id).getDate(KeyDocument.FORGET_AT).toInstant())
			.isAfterOrEqualTo(before.plus(Topics.KEYS.retention()).truncatedTo(ChronoUnit.MILLIS));
		assertThat(document(id).getBoolean(KeyDocument.DELETED)).isTrue();

		// As an operator repairs a key a late state brought back.
		this.mongo.getCollection(KeyDocument.COLLECTION)
			.updateOne(new Document(KeyDocument.ID, id), new Document("$set",
					new Document(KeyDocument.PUBLISHED_VERSION, 0L).append(PendingPublication.FIELD, true)));

		await().until(() -> topic.recordsOf(id).stream().filter((record) -> record.value() == null).count() == 2);
	}

	@Test
	void takesOverFromAPublisherThatDiedHoldingAKey() {
		ApiKey key = newKey();
		Instant claimedUntil = Instant.now().plus(Duration.ofSeconds(2));
		Document stored = new Document();
		this.mongo.getConverter().write(KeyDocument.unpublished(key), stored);
		stored.append(KeyDocument.CLAIM_TOKEN, "dead-publisher")
			.append(KeyDocument.CLAIMED_UNTIL, Date.from(claimedUntil));

		this.mongo.getCollection(KeyDocument.COLLECTION).insertOne(stored);

		ConsumerRecord<String, String> record = topic.awaitRecord(key.id(), (raw) -> raw != null);
		assertThat(Instant.ofEpochMilli(record.timestamp())).isAfterOrEqualTo(claimedUntil);
		assertThat(topic.recordsOf(key.id())).hasSize(1);
	}

	@Test
	void flagsAKeyAwaitingPublicationUntilItsLastChangeIsOut() {
		IssuedKey issued = this.issuer.issue(newOwner(), KeyRequest.firstKey());
		String id = issued.key().id();
		await().until(() -> Boolean.FALSE.equals(document(id).get(PendingPublication.FIELD)));

		// Found by the relay, which looks only at flagged keys.
		assertThat(this.store.replace(issued.key().deactivate())).isTrue();

		topic.awaitState(id, (state) -> state.status() == KeyStatus.INACTIVE);
		await().until(() -> Boolean.FALSE.equals(document(id).get(PendingPublication.FIELD)));
	}

	@Test
	void publishesKeysStoredBeforeTheFlagThatAreBehindAndClearsThoseThatAreNot() {
		String ownerId = newOwner();
		IssuedKey published = this.issuer.issue(ownerId, KeyRequest.firstKey());
		IssuedKey behind = this.issuer.issue(ownerId, KeyRequest.firstKey());
		topic.awaitFirstState(behind.key().id());
		await().until(() -> Boolean.FALSE.equals(document(published.key().id()).get(PendingPublication.FIELD)));
		// As stored before the flag: one published, one whose change never went out.
		unsetFlag(published.key().id(), new Document());
		unsetFlag(behind.key().id(), new Document("$set", new Document(KeyDocument.PUBLISHED_VERSION, 0)));

		this.indexes.create();

		assertThat(document(published.key().id()).getBoolean(PendingPublication.FIELD)).isFalse();
		await().until(() -> topic.recordsOf(behind.key().id()).size() == 2);
		await().until(() -> Boolean.FALSE.equals(document(behind.key().id()).get(PendingPublication.FIELD)));
	}

	@Test
	void publishesAKeyChangedByAReplicaThatDoesNotFlagItsWrites() {
		IssuedKey issued = this.issuer.issue(newOwner(), KeyRequest.firstKey());
		String id = issued.key().id();
		await().until(() -> Boolean.FALSE.equals(document(id).get(PendingPublication.FIELD)));
		// As the version before this one saves a deactivation.
		this.mongo.getCollection(KeyDocument.COLLECTION)
			.updateOne(new Document(KeyDocument.ID, id), new Document("$set",
					new Document(KeyDocument.VERSION, 2L).append("status", KeyStatus.INACTIVE.name())));

		this.sweep.sweep();

		topic.awaitState(id, (state) -> state.status() == KeyStatus.INACTIVE);
	}

	private static String newOwner() {
		return "owner-" + UUID.randomUUID();
	}

	private void unsetFlag(String keyId, Document update) {
		this.mongo.getCollection(KeyDocument.COLLECTION)
			.updateOne(new Document(KeyDocument.ID, keyId),
					update.append("$unset", new Document(PendingPublication.FIELD, "")));
	}

	private ApiKey newKey() {
		return ApiKey.issue(UUID.randomUUID().toString(), "owner-1", KeyRequest.firstKey(),
				KeySecret.generate(new SecureRandom()), Instant.now());
	}

	private Document document(String keyId) {
		return this.mongo.getCollection(KeyDocument.COLLECTION).find(new Document(KeyDocument.ID, keyId)).first();
	}

}
