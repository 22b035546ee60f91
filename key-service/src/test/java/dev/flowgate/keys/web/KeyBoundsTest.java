package dev.flowgate.keys.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.flowgate.keys.ApiClient;
import dev.flowgate.keys.ApiClient.Response;
import dev.flowgate.keys.KeyServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key made or changed with a key that expires, or is limited, may not outlive it nor be
 * limited less: a contractor's key cannot outlast the contract.
 */
@KeyServiceIntegrationTest
class KeyBoundsTest {

	private static final int CONTRACTOR_LIMIT = 10;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JsonMapper json;

	private ApiClient api;

	private String ownerId;

	private Instant contractEnd;

	private String contractorKeyId;

	@BeforeEach
	void contractorKey() {
		this.api = new ApiClient(this.mvc, this.json);
		this.ownerId = this.api.newOwnerId("acme");
		this.contractEnd = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
		this.contractorKeyId = this.api
			.post("/v1/keys", this.ownerId,
					"""
							{"name": "contractor", "scopes": ["run", "manage"], "expiresAt": "%s", "rateLimitPerMinute": %d}"""
						.formatted(this.contractEnd, CONTRACTOR_LIMIT))
			.text("id");
	}

	@Test
	void refusesAKeyMadeWithAnExpiringKeyThatWouldOutliveIt() {
		Response later = asContractor(MockMvcRequestBuilders.post("/v1/keys"), """
				{"name": "forever", "expiresAt": "%s"}""".formatted(this.contractEnd.plus(1, ChronoUnit.DAYS)));

		assertThat(later.status()).isEqualTo(400);
		assertThat(later.invalidFields()).containsExactly("expiresAt");
		assertThat(names()).doesNotContain("forever");
	}

	@Test
	void refusesAKeyMadeWithALimitedKeyThatWouldBeLimitedLess() {
		Response higher = asContractor(MockMvcRequestBuilders.post("/v1/keys"), """
				{"name": "unlimited", "rateLimitPerMinute": %d}""".formatted(CONTRACTOR_LIMIT + 1));

		assertThat(higher.status()).isEqualTo(400);
		assertThat(higher.invalidFields()).containsExactly("rateLimitPerMinute");
		assertThat(names()).doesNotContain("unlimited");
	}

	@Test
	void givesAKeyMadeWithAnExpiringLimitedKeyThatKeysExpiryAndLimitUnlessItAsksForLess() {
		Response inherited = asContractor(MockMvcRequestBuilders.post("/v1/keys"), "{\"name\": \"ci\"}");
		Instant sooner = this.contractEnd.minus(1, ChronoUnit.HOURS);
		Response narrower = asContractor(MockMvcRequestBuilders.post("/v1/keys"), """
				{"name": "ci-short", "expiresAt": "%s", "rateLimitPerMinute": 5}""".formatted(sooner));

		assertThat(inherited.status()).isEqualTo(201);
		assertThat(Instant.parse(inherited.text("expiresAt"))).isEqualTo(this.contractEnd);
		assertThat(inherited.body().get("rateLimitPerMinute").asInt()).isEqualTo(CONTRACTOR_LIMIT);
		assertThat(narrower.status()).isEqualTo(201);
		assertThat(Instant.parse(narrower.text("expiresAt"))).isEqualTo(sooner);
		assertThat(narrower.body().get("rateLimitPerMinute").asInt()).isEqualTo(5);
	}

	@Test
	void refusesAnExpiringLimitedKeyRemovingItsOwnExpiryOrLimit() {
		String self = "/v1/keys/" + this.contractorKeyId;

		Response neverExpiring = asContractor(MockMvcRequestBuilders.patch(self), "{\"expiresAt\": null}");
		Response unlimited = asContractor(MockMvcRequestBuilders.patch(self), "{\"rateLimitPerMinute\": null}");

		assertThat(neverExpiring.status()).isEqualTo(400);
		assertThat(neverExpiring.invalidFields()).containsExactly("expiresAt");
		assertThat(unlimited.status()).isEqualTo(400);
		assertThat(unlimited.invalidFields()).containsExactly("rateLimitPerMinute");
		Response stored = this.api.get(self, this.ownerId);
		assertThat(Instant.parse(stored.text("expiresAt"))).isEqualTo(this.contractEnd);
		assertThat(stored.body().get("rateLimitPerMinute").asInt()).isEqualTo(CONTRACTOR_LIMIT);
	}

	@Test
	void refusesAnExpiringLimitedKeyExtendingAnotherKeysExpiryOrLimit() {
		String other = "/v1/keys/" + this.api.post("/v1/keys", this.ownerId, "{\"name\": \"ci\"}").text("id");

		Response later = asContractor(MockMvcRequestBuilders.patch(other),
				"{\"expiresAt\": \"%s\"}".formatted(this.contractEnd.plusSeconds(1)));
		Response higher = asContractor(MockMvcRequestBuilders.patch(other),
				"{\"rateLimitPerMinute\": %d}".formatted(CONTRACTOR_LIMIT * 2));
		Response renamed = asContractor(MockMvcRequestBuilders.patch(other), "{\"name\": \"ci-renamed\"}");

		assertThat(later.status()).isEqualTo(400);
		assertThat(later.invalidFields()).containsExactly("expiresAt");
		assertThat(higher.status()).isEqualTo(400);
		assertThat(higher.invalidFields()).containsExactly("rateLimitPerMinute");
		assertThat(renamed.status()).isEqualTo(200);
	}

	@Test
	void letsAnExpiringLimitedKeyShortenAndLowerItsOwnExpiryAndLimit() {
		Instant sooner = this.contractEnd.minus(1, ChronoUnit.HOURS);

		Response changed = asContractor(MockMvcRequestBuilders.patch("/v1/keys/" + this.contractorKeyId),
				"{\"expiresAt\": \"%s\", \"rateLimitPerMinute\": 5}".formatted(sooner));

		assertThat(changed.status()).isEqualTo(200);
		assertThat(Instant.parse(changed.text("expiresAt"))).isEqualTo(sooner);
		assertThat(changed.body().get("rateLimitPerMinute").asInt()).isEqualTo(5);
	}

	@Test
	void letsTheAdminMakeAKeyThatNeverExpires() {
		Response issued = this.api.send(MockMvcRequestBuilders.post("/v1/owners/" + this.ownerId + "/keys"),
				ApiClient.asAdmin(), "{\"name\": \"ops\"}");

		assertThat(issued.status()).isEqualTo(201);
		assertThat(issued.body().get("expiresAt").isNull()).isTrue();
		assertThat(issued.body().get("rateLimitPerMinute").isNull()).isTrue();
	}

	@Test
	void refusesAKeyMadeWithAKeyDeletedSince() {
		assertThat(this.api.delete("/v1/keys/" + this.contractorKeyId, this.ownerId).status()).isEqualTo(204);

		Response made = asContractor(MockMvcRequestBuilders.post("/v1/keys"), "{\"name\": \"late\"}");

		assertThat(made.status()).isEqualTo(401);
		assertThat(names()).doesNotContain("late");
	}

	private Response asContractor(MockHttpServletRequestBuilder request, String body) {
		return this.api.send(request, ApiClient.withKey(this.ownerId, this.contractorKeyId), body);
	}

	private List<String> names() {
		List<String> names = new ArrayList<>();
		this.api.get("/v1/keys", this.ownerId)
			.body()
			.get("items")
			.forEach((key) -> names.add(key.get("name").asString()));
		return names;
	}

}
