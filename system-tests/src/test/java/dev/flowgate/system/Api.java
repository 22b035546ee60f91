package dev.flowgate.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the running stack, as a user's script would use it. */
final class Api {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	Api(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	String baseUrl() {
		return this.baseUrl;
	}

	Response get(String path, Map<String, String> headers) {
		return send(request(path, headers).GET());
	}

	Response post(String path, Map<String, String> headers, Object body) {
		return send(request(path, headers).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
	}

	Response patch(String path, Map<String, String> headers, Object body) {
		return send(request(path, headers).header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	Response delete(String path, Map<String, String> headers) {
		return send(request(path, headers).DELETE());
	}

	static Map<String, String> bearer(String key) {
		return Map.of("Authorization", "Bearer " + key);
	}

	private HttpRequest.Builder request(String path, Map<String, String> headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path)).timeout(TIMEOUT);
		headers.forEach(builder::header);
		return builder;
	}

	private Response send(HttpRequest.Builder builder) {
		try {
			HttpResponse<String> response = this.http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""), response.headers().map());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Request failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Response(int status, String body, String contentType, Map<String, java.util.List<String>> headers) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		String text(String jsonPointer) {
			return json().at(jsonPointer).asString();
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
