package dev.flowgate.delivery.persistence;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.flowgate.delivery.domain.signing.OwnerSecret;
import dev.flowgate.delivery.domain.signing.WebhookSecret;
import dev.flowgate.infra.test.FlowgateInfra;
import dev.flowgate.infra.test.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** One secret per owner; a change applies only to the version it was made from. */
@FlowgateInfra
class MongoWebhookSecretStoreTest {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	private static MongoClient client;

	private MongoWebhookSecretStore store;

	@BeforeAll
	static void connect() {
		client = MongoClients.create(TestInfrastructure.get().mongoUri());
	}

	@AfterAll
	static void disconnect() {
		client.close();
	}

	@BeforeEach
	void freshDatabase() {
		this.store = new MongoWebhookSecretStore(
				new MongoTemplate(client, "delivery_secrets_" + UUID.randomUUID().toString().replace("-", "")));
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

	private static OwnerSecret secret(long version) {
		return new OwnerSecret("owner-1", WebhookSecret.generate(new SecureRandom(), 32), NOW, false, null, null, null,
				version);
	}

}
