package dev.flowgate.delivery.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.flowgate.delivery.domain.callback.DisabledCallback;
import dev.flowgate.delivery.domain.callback.DisabledCallbackService;
import dev.flowgate.delivery.support.ApiClient;
import dev.flowgate.delivery.support.DeliveryIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Listing the callbacks a 410 stopped, page by page, and enabling them again, over the
 * real MongoDB.
 */
@DeliveryIntegrationTest
class CallbackApiTest {

	private static final Instant EARLIER = Instant.parse("2026-11-23T10:00:00Z");

	private static final Instant LATER = Instant.parse("2026-11-23T11:00:00Z");

	@Autowired
	private ApiClient api;

	@Autowired
	private DisabledCallbackService disabled;

	private final String owner = "owner-" + UUID.randomUUID();

	private final String someoneElse = "owner-" + UUID.randomUUID();

	@Test
	void enablingAgainAfterALostAnswerIsStillA204() {
		stop(this.owner, "dep-1", "https://a.example/hook", EARLIER);

		ApiClient.Response first = this.api.post("/v1/callbacks/dep-1/enable", this.owner, null);
		ApiClient.Response again = this.api.post("/v1/callbacks/dep-1/enable", this.owner, null);

		assertThat(first.status()).isEqualTo(204);
		assertThat(again.status()).isEqualTo(204);
		assertThat(again.raw()).isEmpty();
		assertThat(this.disabled.isDisabled(this.owner, "dep-1", "https://a.example/hook")).isFalse();
	}

	@Test
	void enablingAnotherOwnersDeploymentAnswersAsForAnyOtherAndLiftsNothing() {
		stop(this.owner, "dep-1", "https://a.example/hook", EARLIER);

		ApiClient.Response othersDeployment = this.api.post("/v1/callbacks/dep-1/enable", this.someoneElse, null);
		ApiClient.Response unknownDeployment = this.api.post("/v1/callbacks/no-such-deployment/enable", this.owner,
				null);

		assertThat(othersDeployment.status()).isEqualTo(204);
		assertThat(unknownDeployment.status()).isEqualTo(204);
		assertThat(this.disabled.isDisabled(this.owner, "dep-1", "https://a.example/hook")).isTrue();
		assertThat(deploymentsOf(list("").body())).containsExactly("dep-1");
	}

	@Test
	void listsTheOwnersStopsNewestFirstPageByPage() {
		stop(this.owner, "dep-old", "https://a.example/hook", EARLIER);
		// Equally old: the order between them still holds from page to page.
		stop(this.owner, "dep-a", "https://a.example/hook", LATER);
		stop(this.owner, "dep-b", "https://b.example/hook", LATER);
		stop(this.owner, "dep-c", "https://c.example/hook", LATER);
		stop(this.someoneElse, "dep-x", "https://x.example/hook", LATER);

		JsonNode whole = list("").body();
		List<String> paged = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			JsonNode page = list("?limit=2" + ((cursor != null) ? "&cursor=" + cursor : "")).body();
			assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
			paged.addAll(deploymentsOf(page));
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
			pages++;
		}
		while (cursor != null);

		assertThat(whole.get("nextCursor").isNull()).isTrue();
		List<String> all = deploymentsOf(whole);
		assertThat(all).hasSize(4).endsWith("dep-old").containsExactlyInAnyOrder("dep-old", "dep-a", "dep-b", "dep-c");
		assertThat(paged).isEqualTo(all);
		assertThat(pages).isEqualTo(2);
		JsonNode newest = whole.get("items").get(0);
		assertThat(newest.get("disabledAt").asString()).isEqualTo(LATER.toString());
		assertThat(newest.get("callbackUrl").asString()).startsWith("https://");
		assertThat(newest.get("reason").asString()).isEqualTo("HTTP 410 Gone");
	}

	@Test
	void aPageHoldsAHundredUnlessALimitIsGiven() {
		for (int i = 0; i < 101; i++) {
			stop(this.owner, "dep-" + i, "https://a.example/hook", EARLIER.plusSeconds(i));
		}

		JsonNode first = list("").body();
		JsonNode rest = list("?cursor=" + first.get("nextCursor").asString()).body();

		assertThat(first.get("items").size()).isEqualTo(100);
		assertThat(first.get("items").get(0).get("deploymentId").asString()).isEqualTo("dep-100");
		assertThat(deploymentsOf(rest)).containsExactly("dep-0");
		assertThat(rest.get("nextCursor").isNull()).isTrue();
	}

	@Test
	void rejectsALimitOutOfRangeOrACursorNoPageGave() {
		for (String query : List.of("?limit=0", "?limit=101", "?limit=many")) {
			ApiClient.Response answer = list(query);
			assertThat(answer.status()).as(query).isEqualTo(400);
			assertThat(answer.contentType()).isEqualTo("application/problem+json");
			assertThat(answer.invalidFields()).containsExactly("limit");
			assertThat(answer.text("detail")).startsWith("limit must be ");
		}
		for (String query : List.of("?cursor=not-a-cursor", "?cursor=!!")) {
			ApiClient.Response answer = list(query);
			assertThat(answer.status()).as(query).isEqualTo(400);
			assertThat(answer.invalidFields()).containsExactly("cursor");
			assertThat(answer.invalidMessages()).containsExactly("is not a cursor from a previous page or recovery");
		}
	}

	private ApiClient.Response list(String query) {
		return this.api.get("/v1/callbacks/disabled" + query, this.owner);
	}

	private void stop(String ownerId, String deploymentId, String url, Instant at) {
		this.disabled.disable(new DisabledCallback(ownerId, deploymentId, url, at, "HTTP 410 Gone"));
	}

	private static List<String> deploymentsOf(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("items").forEach((item) -> ids.add(item.get("deploymentId").asString()));
		return ids;
	}

}
