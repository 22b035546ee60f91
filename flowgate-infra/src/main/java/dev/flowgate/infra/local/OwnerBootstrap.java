package dev.flowgate.infra.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives the local stack a default owner and an API key (scopes run and manage), through
 * the gateway's admin API, as an operator would: the key of the last start while the
 * gateway still takes it, else a new one.
 */
final class OwnerBootstrap {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final Duration KEY_PROPAGATION = Duration.ofSeconds(60);

	private static final Duration POLL = Duration.ofMillis(100);

	private static final int OK = 200;

	private static final int CREATED = 201;

	private static final int SERVICE_UNAVAILABLE = 503;

	// The answers are small and flat where it matters; a regex keeps Jackson off the
	// launcher's classpath.
	private static final Pattern OWNER_ID = Pattern.compile("\"owner\"\\s*:\\s*\\{[^}]*?\"id\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"(sk-[^\"]+)\"");

	private final HttpClient http = HttpClient.newHttpClient();

	private final String gatewayUrl;

	private final String adminSecret;

	OwnerBootstrap(String gatewayUrl, String adminSecret) {
		this.gatewayUrl = gatewayUrl;
		this.adminSecret = adminSecret;
	}

	/**
	 * The known key if the gateway still takes it (a restart mints no key); else a new
	 * key for the known owner, or a new owner (with its first key) if there is none.
	 */
	Credentials credentials(String knownOwnerId, String knownApiKey) {
		if (knownOwnerId != null && knownApiKey != null && stillTaken(knownApiKey)) {
			return new Credentials(knownOwnerId, knownApiKey);
		}
		Credentials credentials = create(knownOwnerId);
		awaitAccepted(credentials.apiKey());
		return credentials;
	}

	/**
	 * Whether the gateway answers the key, once its views have caught up (503 before).
	 */
	private boolean stillTaken(String apiKey) {
		long deadline = System.nanoTime() + KEY_PROPAGATION.toNanos();
		int status = send(keysRequest(apiKey)).statusCode();
		while (status == SERVICE_UNAVAILABLE && System.nanoTime() < deadline) {
			sleep();
			status = send(keysRequest(apiKey)).statusCode();
		}
		return status == OK;
	}

	/**
	 * The gateway learns of a new key from Kafka a moment after key-service stored it;
	 * the key is printed only once the gateway takes it.
	 */
	private void awaitAccepted(String apiKey) {
		HttpRequest request = keysRequest(apiKey);
		long deadline = System.nanoTime() + KEY_PROPAGATION.toNanos();
		while (send(request).statusCode() != OK) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The gateway did not accept the new API key within " + KEY_PROPAGATION);
			}
			sleep();
		}
	}

	private HttpRequest keysRequest(String apiKey) {
		return HttpRequest.newBuilder(URI.create(this.gatewayUrl + "/v1/keys"))
			.timeout(TIMEOUT)
			.header("Authorization", "Bearer " + apiKey)
			.GET()
			.build();
	}

	private Credentials create(String knownOwnerId) {
		if (knownOwnerId != null) {
			HttpResponse<String> response = post("/v1/owners/" + knownOwnerId + "/keys",
					"{\"name\":\"local\",\"scopes\":[\"run\",\"manage\"]}");
			if (response.statusCode() == CREATED) {
				return new Credentials(knownOwnerId, match(SECRET, response));
			}
		}
		HttpResponse<String> response = post("/v1/owners", "{\"name\":\"default\"}");
		if (response.statusCode() != CREATED) {
			throw new IllegalStateException(
					"Could not create the default owner: HTTP " + response.statusCode() + " " + response.body());
		}
		return new Credentials(match(OWNER_ID, response), match(SECRET, response));
	}

	private HttpResponse<String> post(String path, String body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.gatewayUrl + path))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.header("X-Admin-Secret", this.adminSecret)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return send(request);
	}

	private HttpResponse<String> send(HttpRequest request) {
		String path = request.uri().getPath();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Gateway did not answer " + path + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(POLL.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String match(Pattern pattern, HttpResponse<String> response) {
		Matcher matcher = pattern.matcher(response.body());
		if (!matcher.find()) {
			throw new IllegalStateException("Unexpected answer from the admin API: HTTP " + response.statusCode());
		}
		return matcher.group(1);
	}

	record Credentials(String ownerId, String apiKey) {
	}

}
