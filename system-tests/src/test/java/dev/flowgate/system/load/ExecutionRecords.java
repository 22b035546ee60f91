package dev.flowgate.system.load;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.flowgate.system.Api;
import tools.jackson.databind.JsonNode;

/**
 * A deployment's execution records, every page of deployment-service's list API read
 * through the gateway the way a user pages through them.
 */
public final class ExecutionRecords {

	private static final int PAGE_SIZE = 100;

	private static final int TOO_MANY_REQUESTS = 429;

	private final Api api;

	private final Map<String, String> auth;

	public ExecutionRecords(Api api, Map<String, String> auth) {
		this.api = api;
		this.auth = auth;
	}

	/** Every record of the deployment, newest first, duplicates (if any) kept. */
	public List<JsonNode> all(String deploymentId) {
		List<JsonNode> records = new ArrayList<>();
		String cursor = null;
		do {
			String path = "/v1/deployments/" + deploymentId + "/executions?limit=" + PAGE_SIZE
					+ ((cursor != null) ? "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8) : "");
			Api.Response page = paced(path);
			if (page.status() != 200) {
				throw new IllegalStateException("Listing executions failed: " + page);
			}
			page.json().at("/items").forEach(records::add);
			JsonNode next = page.json().at("/nextCursor");
			cursor = (next.isMissingNode() || next.isNull()) ? null : next.asString();
		}
		while (cursor != null);
		return records;
	}

	/**
	 * As a polite client pages: past the owner's management limit, after the wait asked.
	 */
	private Api.Response paced(String path) {
		Api.Response page = this.api.get(path, this.auth);
		while (page.status() == TOO_MANY_REQUESTS) {
			String retryAfter = page.headers().getOrDefault("retry-after", List.of("1")).get(0);
			try {
				Thread.sleep(Duration.ofSeconds(Long.parseLong(retryAfter)).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			page = this.api.get(path, this.auth);
		}
		return page;
	}

}
