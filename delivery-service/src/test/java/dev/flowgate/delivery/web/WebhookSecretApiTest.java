package dev.flowgate.delivery.web;

import java.util.Date;
import java.util.UUID;

import dev.flowgate.delivery.support.ApiClient;
import dev.flowgate.delivery.support.DeliveryIntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The signing secret is shown once per issue, never by the metadata endpoint. */
@DeliveryIntegrationTest
class WebhookSecretApiTest {

	@Autowired
	private ApiClient api;

	@Autowired
	private MongoTemplate mongo;

	private String owner;

	@BeforeEach
	void setUp() {
		this.owner = "owner-" + UUID.randomUUID();
	}

	@Test
	void metadataNeverShowsTheSecret() {
		ApiClient.Response first = this.api.get("/v1/webhook-secret", this.owner);
		ApiClient.Response again = this.api.get("/v1/webhook-secret", this.owner);

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.body().has("secret")).isFalse();
		assertThat(first.body().get("revealed").asBoolean()).isFalse();
		assertThat(first.text("fingerprint")).hasSize(16);
		assertThat(again.text("fingerprint")).isEqualTo(first.text("fingerprint"));
		assertThat(again.raw()).doesNotContain("whsec_");
	}

	@Test
	void theFirstRotationShowsTheExistingSecretAndLaterOnesReplaceIt() {
		String fingerprint = this.api.get("/v1/webhook-secret", this.owner).text("fingerprint");

		ApiClient.Response shown = this.api.post("/v1/webhook-secret/rotate", this.owner, null);
		ApiClient.Response rotated = this.api.post("/v1/webhook-secret/rotate", this.owner,
				"{\"overlapSeconds\":3600}");
		ApiClient.Response metadata = this.api.get("/v1/webhook-secret", this.owner);

		assertThat(shown.status()).isEqualTo(200);
		assertThat(shown.text("secret")).startsWith("whsec_");
		assertThat(shown.body().get("rotated").asBoolean()).isFalse();
		assertThat(shown.text("fingerprint")).isEqualTo(fingerprint);
		assertThat(rotated.text("secret")).startsWith("whsec_").isNotEqualTo(shown.text("secret"));
		assertThat(rotated.body().get("rotated").asBoolean()).isTrue();
		assertThat(rotated.text("previousSecretValidUntil")).isNotBlank();
		assertThat(metadata.body().has("secret")).isFalse();
		assertThat(metadata.body().get("revealed").asBoolean()).isTrue();
		assertThat(metadata.text("fingerprint")).isEqualTo(rotated.text("fingerprint"));
	}

	@Test
	void answers503WithoutDetailsWhenTheSecretCannotBeDecrypted() {
		// Encrypted with a key this instance was not given.
		this.mongo.getCollection("webhook_secrets")
			.insertOne(new Document("_id", this.owner).append("secret", "v1.Zm9yZWln.AAAAAAAAAAAAAAAAAAAAAAAA")
				.append("createdAt", new Date())
				.append("revealed", true)
				.append("version", 1L));

		ApiClient.Response metadata = this.api.get("/v1/webhook-secret", this.owner);

		assertThat(metadata.status()).isEqualTo(503);
		assertThat(metadata.contentType()).isEqualTo("application/problem+json");
		assertThat(metadata.text("title")).isEqualTo("Signing secret unavailable");
		// It clears only once an operator configures the key: no retry within seconds.
		assertThat(metadata.header("Retry-After")).isEqualTo("60");
		assertThat(metadata.raw()).doesNotContain("Zm9yZWln").doesNotContain("encryption-keys");
	}

	@Test
	void createsAndShowsASecretForAnOwnerWithoutOne() {
		ApiClient.Response shown = this.api.post("/v1/webhook-secret/rotate", this.owner, null);

		assertThat(shown.status()).isEqualTo(200);
		assertThat(shown.text("secret")).matches("whsec_[A-Za-z0-9+/]{43}=");
		assertThat(shown.body().has("previousSecretValidUntil")).isFalse();
	}

	@Test
	void rejectsAnOverlapOutOfRange() {
		ApiClient.Response negative = this.api.post("/v1/webhook-secret/rotate", this.owner, "{\"overlapSeconds\":-1}");
		ApiClient.Response tooLong = this.api.post("/v1/webhook-secret/rotate", this.owner,
				"{\"overlapSeconds\":99999999}");
		ApiClient.Response notJson = this.api.post("/v1/webhook-secret/rotate", this.owner, "{oops");

		assertThat(negative.status()).isEqualTo(400);
		assertThat(negative.contentType()).isEqualTo("application/problem+json");
		assertThat(negative.invalidFields()).containsExactly("overlapSeconds");
		assertThat(negative.invalidMessages()).singleElement().asString().startsWith("must be between 0 and ");
		assertThat(negative.text("detail")).startsWith("overlapSeconds must be between 0 and ");
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(notJson.status()).isEqualTo(400);
	}

}
