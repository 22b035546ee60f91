package dev.flowgate.keys.web;

import java.time.Instant;

import dev.flowgate.contracts.OwnerDeleted;
import dev.flowgate.contracts.Topics;
import dev.flowgate.keys.ApiClient;
import dev.flowgate.keys.ApiClient.Response;
import dev.flowgate.keys.KeyServiceIntegrationTest;
import dev.flowgate.keys.TopicReader;
import dev.flowgate.keys.domain.owner.OwnerStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform admin deletes an owner: it is gone from key-service, its keys are
 * tombstoned for the gateways and the other services hear of it on the owner topic.
 */
@KeyServiceIntegrationTest
class OwnerDeletionTest {

	private static TopicReader keys;

	private static TopicReader owners;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JsonMapper json;

	@Autowired
	private OwnerStore store;

	@Autowired
	private MongoTemplate mongo;

	private ApiClient api;

	@BeforeAll
	static void readTopics() {
		keys = TopicReader.keys();
		owners = new TopicReader(Topics.OWNERS);
	}

	@AfterAll
	static void closeTopics() {
		keys.close();
		owners.close();
	}

	@BeforeEach
	void client() {
		this.api = new ApiClient(this.mvc, this.json);
	}

	@Test
	void deletesTheOwnerAndItsKeysAndAnnouncesIt() {
		Response created = this.api.createOwner("leaving");
		String ownerId = created.body().get("owner").get("id").asString();
		String firstKey = created.body().get("key").get("id").asString();
		String ci = this.api.post("/v1/keys", ownerId, "{\"name\": \"ci\"}").text("id");
		String bystander = this.api.newOwnerId("bystander");

		Response deleted = deleteOwner(ownerId);

		assertThat(deleted.status()).isEqualTo(204);
		assertThat(this.api.getAsAdmin("/v1/owners/" + ownerId).status()).isEqualTo(404);
		assertThat(this.api.get("/v1/keys/" + ci, ownerId).status()).isEqualTo(404);
		assertThat(this.api.getAsAdmin("/v1/owners?limit=100")
			.body()
			.get("items")
			.valueStream()
			.map((owner) -> owner.get("id").asString())).contains(bystander).doesNotContain(ownerId);
		keys.awaitTombstone(firstKey);
		keys.awaitTombstone(ci);
		OwnerDeleted announced = (OwnerDeleted) owners.event(owners.awaitRecord(ownerId, (raw) -> raw != null).value());
		assertThat(announced.ownerId()).isEqualTo(ownerId);
		assertThat(this.api.getAsAdmin("/v1/owners/" + bystander).body().get("activeKeys").asLong()).isEqualTo(1);
		assertThat(this.mongo.findById(ownerId, Document.class, "owners")).as("only a marker, without the name")
			.containsKey("deletedAt")
			.doesNotContainKey("name");
		assertThat(deleteOwner(ownerId).status()).as("deleted already").isEqualTo(404);
		assertThat(this.api
			.send(MockMvcRequestBuilders.post("/v1/owners/" + ownerId + "/keys"), ApiClient.asAdmin(),
					"{\"name\": \"late\"}")
			.status()).as("no new key").isEqualTo(404);
	}

	@Test
	void finishesADeletionACrashInterruptedAfterItWasMarked() {
		Response created = this.api.createOwner("interrupted");
		String ownerId = created.body().get("owner").get("id").asString();
		String firstKey = created.body().get("key").get("id").asString();

		this.store.markDeleted(ownerId, Instant.now());

		keys.awaitTombstone(firstKey);
		owners.awaitRecord(ownerId, (raw) -> raw != null);
		assertThat(this.store.unannouncedDeletions(100)).noneMatch((deletion) -> deletion.ownerId().equals(ownerId));
	}

	@Test
	void refusesAnOwnersOwnCall() {
		String ownerId = this.api.newOwnerId("acme");

		Response refused = this.api.delete("/v1/owners/" + ownerId, ownerId);

		assertThat(refused.status()).isEqualTo(403);
		assertThat(this.api.getAsAdmin("/v1/owners/" + ownerId).status()).isEqualTo(200);
	}

	private Response deleteOwner(String ownerId) {
		return this.api.send(MockMvcRequestBuilders.delete("/v1/owners/" + ownerId), ApiClient.asAdmin(), null);
	}

}
