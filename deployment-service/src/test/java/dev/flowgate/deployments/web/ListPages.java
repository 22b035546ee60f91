package dev.flowgate.deployments.web;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.flowgate.deployments.ApiClient;
import dev.flowgate.deployments.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** Walks a paged list as a client does, by each page's {@code nextCursor}. */
final class ListPages {

	/** Far more than any test's list needs: a cursor that never ends fails the test. */
	private static final int MAX_PAGES = 20;

	/** The executions list's answers to bad paging, which every list gives alike. */
	private static final String EXECUTIONS = "/v1/executions";

	private ListPages() {
	}

	/** Every page of the list at {@code path}, {@code limit} items a page. */
	static List<JsonNode> walk(ApiClient api, String path, int limit) {
		List<JsonNode> pages = new ArrayList<>();
		String query = "?limit=" + limit;
		while (query != null && pages.size() < MAX_PAGES) {
			Response page = api.get(path + query);
			assertThat(page.status()).as(path + query).isEqualTo(200);
			pages.add(page.json());
			JsonNode next = page.json().path("nextCursor");
			query = next.isString() ? "?limit=%d&cursor=%s".formatted(limit, next.asString()) : null;
		}
		return pages;
	}

	/** The items of every page in turn, each by its {@code field}. */
	static List<String> items(List<JsonNode> pages, String field) {
		return pages.stream()
			.flatMap((page) -> page.path("items").valueStream())
			.map((item) -> item.path(field).asString())
			.toList();
	}

	/** How many items each page has. */
	static List<Integer> sizes(List<JsonNode> pages) {
		return pages.stream().map((page) -> page.path("items").size()).toList();
	}

	/**
	 * A limit out of range (0, 101) and a cursor no page gave are answered as the
	 * executions list answers them: the same status and problem, but for its path.
	 */
	static void assertRefusesBadPagingAsTheExecutionsListDoes(ApiClient api, String path) {
		for (String query : List.of("?limit=0", "?limit=101", "?cursor=bm9wZQ")) {
			Response refused = api.get(path + query);
			Response executions = api.get(EXECUTIONS + query);
			assertThat(executions.status()).as(EXECUTIONS + query).isEqualTo(400);
			assertThat(refused.status()).as(path + query).isEqualTo(executions.status());
			assertThat(refused.contentType()).as(path + query).isEqualTo(executions.contentType());
			assertThat(refused.text("instance")).isEqualTo(path);
			assertThat(withoutInstance(refused.json())).as(path + query).isEqualTo(withoutInstance(executions.json()));
		}
	}

	private static JsonNode withoutInstance(JsonNode problem) {
		ObjectNode copy = (ObjectNode) problem.deepCopy();
		copy.remove("instance");
		return copy;
	}

}
