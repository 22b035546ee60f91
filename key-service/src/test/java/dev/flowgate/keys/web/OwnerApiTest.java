package dev.flowgate.keys.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.flowgate.keys.ApiClient;
import dev.flowgate.keys.ApiClient.Response;
import dev.flowgate.keys.KeyServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform admin finds owners again (an operator who lost an owner's id): the list,
 * newest first and paged as the key list, and one owner by id. Other test classes' owners
 * share the database, so a test looks at the newest owners, its own.
 */
@KeyServiceIntegrationTest
class OwnerApiTest {

	/** Far more than the tests' owners need: a cursor that never ends fails the test. */
	private static final int MAX_PAGES = 50;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JsonMapper json;

	private ApiClient api;

	@BeforeEach
	void client() {
		this.api = new ApiClient(this.mvc, this.json);
	}

	@Test
	void answersACreatedOwnerWithItsLocation() {
		Response created = this.api.createOwner("acme");

		String ownerId = created.body().get("owner").get("id").asString();
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.location()).isEqualTo("/v1/owners/" + ownerId);
		Response fetched = this.api.getAsAdmin(created.location());
		assertThat(fetched.status()).isEqualTo(200);
		assertThat(fetched.text("id")).isEqualTo(ownerId);
		assertThat(fetched.text("name")).isEqualTo("acme");
		assertThat(fetched.text("createdAt")).isEqualTo(created.body().get("owner").get("createdAt").asString());
		assertThat(fetched.body().get("activeKeys").asLong()).as("its first key").isEqualTo(1);
	}

	@Test
	void countsTheOwnersKeysThatWork() {
		String ownerId = this.api.newOwnerId("acme");
		String inactive = this.api.post("/v1/keys", ownerId, "{\"name\": \"off\"}").text("id");
		this.api.post("/v1/keys/" + inactive + "/deactivate", ownerId, null);
		String deleted = this.api.post("/v1/keys", ownerId, "{\"name\": \"gone\"}").text("id");
		this.api.delete("/v1/keys/" + deleted, ownerId);
		this.api.post("/v1/keys", ownerId, "{\"name\": \"ci\"}");

		JsonNode listed = this.api.getAsAdmin("/v1/owners?limit=1").body().get("items").get(0);

		assertThat(listed.get("id").asString()).isEqualTo(ownerId);
		assertThat(listed.get("activeKeys").asLong()).as("the first key and ci").isEqualTo(2);
		assertThat(this.api.getAsAdmin("/v1/owners/" + ownerId).body().get("activeKeys").asLong()).isEqualTo(2);
	}

	@Test
	void pagesOwnersNewestFirst() {
		List<JsonNode> owners = new ArrayList<>();
		for (String name : List.of("first", "second", "third")) {
			owners.add(this.api.createOwner(name).body().get("owner"));
		}
		// Two owners created in the same millisecond are ordered by id.
		List<String> created = owners.stream()
			.sorted(Comparator.comparing((JsonNode owner) -> Instant.parse(owner.get("createdAt").asString()))
				.thenComparing((owner) -> owner.get("id").asString())
				.reversed())
			.map((owner) -> owner.get("id").asString())
			.toList();

		Response first = this.api.getAsAdmin("/v1/owners?limit=2");
		Response second = this.api.getAsAdmin("/v1/owners?limit=2&cursor=" + first.text("nextCursor"));

		assertThat(first.status()).isEqualTo(200);
		assertThat(ids(first.body())).containsExactlyElementsOf(created.subList(0, 2));
		assertThat(ids(second.body()).get(0)).isEqualTo(created.get(2));
		assertThat(first.body().get("items").get(0).propertyNames()).containsExactlyInAnyOrder("id", "name",
				"createdAt", "activeKeys");
	}

	@Test
	void endsTheListOnALastPageWithoutRepeatingAnOwner() {
		String ownerId = this.api.newOwnerId("acme");

		List<String> listed = new ArrayList<>();
		String query = "?limit=100";
		JsonNode page = null;
		for (int pages = 0; query != null && pages < MAX_PAGES; pages++) {
			page = this.api.getAsAdmin("/v1/owners" + query).body();
			listed.addAll(ids(page));
			JsonNode next = page.get("nextCursor");
			query = next.isString() ? "?limit=100&cursor=" + next.asString() : null;
		}

		assertThat(query).as("a cursor after the last page").isNull();
		assertThat(page.get("nextCursor").isNull()).isTrue();
		assertThat(listed).doesNotHaveDuplicates().startsWith(ownerId);
	}

	@Test
	void deactivatesEveryKeyOfOneOwnerAndNoOtherOwners() {
		String ownerId = this.api.newOwnerId("leaked");
		String ci = this.api.post("/v1/keys", ownerId, "{\"name\": \"ci\"}").text("id");
		String off = this.api.post("/v1/keys", ownerId, "{\"name\": \"off\"}").text("id");
		this.api.post("/v1/keys/" + off + "/deactivate", ownerId, null);
		String otherOwnerId = this.api.newOwnerId("bystander");

		Response deactivated = deactivateKeysOf(ownerId);
		Response again = deactivateKeysOf(ownerId);

		assertThat(deactivated.status()).isEqualTo(200);
		assertThat(deactivated.body().get("deactivated").asInt()).as("the first key and ci").isEqualTo(2);
		assertThat(this.api.get("/v1/keys/" + ci, ownerId).text("status")).isEqualTo("inactive");
		assertThat(this.api.getAsAdmin("/v1/owners/" + ownerId).body().get("activeKeys").asLong()).isZero();
		assertThat(this.api.getAsAdmin("/v1/owners/" + otherOwnerId).body().get("activeKeys").asLong()).isEqualTo(1);
		assertThat(again.body().get("deactivated").asInt()).isZero();
		assertThat(deactivateKeysOf("no-such-owner").status()).isEqualTo(404);
		assertThat(this.api.post("/v1/owners/" + ownerId + "/keys/deactivate", ownerId, null).status())
			.as("an owner's own call")
			.isEqualTo(403);
	}

	private Response deactivateKeysOf(String ownerId) {
		return this.api.send(MockMvcRequestBuilders.post("/v1/owners/" + ownerId + "/keys/deactivate"),
				ApiClient.asAdmin(), null);
	}

	@Test
	void answersAnUnknownOwnerWith404() {
		Response unknown = this.api.getAsAdmin("/v1/owners/no-such-owner");

		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).isEqualTo("application/problem+json");
		assertThat(unknown.text("title")).isEqualTo("Not Found");
		assertThat(unknown.text("detail")).isEqualTo("Owner 'no-such-owner' not found");
	}

	@Test
	void refusesALimitOrACursorAsTheKeyListDoes() {
		this.api.newOwnerId("acme");
		for (String limit : List.of("0", "101", "-1", "ten", "1.5")) {
			Response refused = this.api.getAsAdmin("/v1/owners?limit=" + limit);

			assertThat(refused.status()).as(limit).isEqualTo(400);
			assertThat(refused.contentType()).isEqualTo("application/problem+json");
			assertThat(refused.invalidFields()).as(limit).containsExactly("limit");
		}
		assertThat(this.api.getAsAdmin("/v1/owners?limit=0").text("detail")).isEqualTo("limit must be from 1 to 100");
		assertThat(this.api.getAsAdmin("/v1/owners?limit=ten").text("detail"))
			.isEqualTo("limit must be a whole number");
		Response badCursor = this.api.getAsAdmin("/v1/owners?cursor=not-a-cursor");
		assertThat(badCursor.status()).isEqualTo(400);
		assertThat(badCursor.invalidFields()).containsExactly("cursor");
		assertThat(badCursor.text("detail")).isEqualTo("cursor is not a cursor from a previous page");
	}

	private static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("items").forEach((owner) -> ids.add(owner.get("id").asString()));
		return ids;
	}

}
