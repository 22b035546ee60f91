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
public final class Api {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	private final AnswerListener listener;

	public Api(String baseUrl) {
		this(baseUrl, (method, path, response) -> {
		});
	}

	private Api(String baseUrl, AnswerListener listener) {
		this.baseUrl = baseUrl;
		this.listener = listener;
	}

	/**
	 * This API with every answer also handed to {@code listener}, such as an
	 * {@link OpenApiContract}.
	 */
	public Api reportingTo(AnswerListener listener) {
		return new Api(this.baseUrl, listener);
	}

	public String baseUrl() {
		return this.baseUrl;
	}

	public Response get(String path, Map<String, String> headers) {
		return send(request(path, headers).GET());
	}

	public Response post(String path, Map<String, String> headers, Object body) {
		return send(request(path, headers).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
	}

	public Response patch(String path, Map<String, String> headers, Object body) {
		return send(request(path, headers).header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	public Response delete(String path, Map<String, String> headers) {
		return send(request(path, headers).DELETE());
	}

	/**
	 * A POST with the body as given, for requests a well-behaved client would not send.
	 * @param contentType the {@code Content-Type}, or {@code null} for none
	 */
	public Response postRaw(String path, Map<String, String> headers, String contentType, byte[] body) {
		HttpRequest.Builder builder = request(path, headers).POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (contentType != null) {
			builder.header("Content-Type", contentType);
		}
		return send(builder);
	}

	public Response put(String path, Map<String, String> headers, Object body) {
		return send(request(path, headers).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	public static Map<String, String> bearer(String key) {
		return Map.of("Authorization", "Bearer " + key);
	}

	private HttpRequest.Builder request(String path, Map<String, String> headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path)).timeout(TIMEOUT);
		headers.forEach(builder::header);
		return builder;
	}

	private Response send(HttpRequest.Builder builder) {
		HttpRequest request = builder.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			Response answer = new Response(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""), response.headers().map());
			this.listener.answered(request.method(), request.uri().getRawPath(), answer);
			return answer;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Request failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Told of each answer, with the method and path of the request it answers. */
	@FunctionalInterface
	public interface AnswerListener {

		void answered(String method, String path, Response response);

	}

	public record Response(int status, String body, String contentType, Map<String, java.util.List<String>> headers) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String text(String jsonPointer) {
			return json().at(jsonPointer).asString();
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
