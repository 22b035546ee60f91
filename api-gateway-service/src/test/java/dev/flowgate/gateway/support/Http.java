package dev.flowgate.gateway.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.flowgate.infra.test.HttpStub;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client, as a caller of the gateway would use it. */
public final class Http {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private Http() {
	}

	public static Response get(String url, Map<String, String> headers) {
		return send(request(url, headers).GET());
	}

	public static Response post(String url, Map<String, String> headers, Object body) {
		String text = (body instanceof String string) ? string : JSON.writeValueAsString(body);
		HttpRequest.Builder builder = request(url, headers).POST(HttpRequest.BodyPublishers.ofString(text));
		if (!headers.keySet().stream().anyMatch("Content-Type"::equalsIgnoreCase)) {
			builder.header("Content-Type", "application/json");
		}
		return send(builder);
	}

	public static Response send(String method, String url, Map<String, String> headers, String body) {
		HttpRequest.BodyPublisher publisher = (body != null) ? HttpRequest.BodyPublishers.ofString(body)
				: HttpRequest.BodyPublishers.noBody();
		return send(request(url, headers).method(method, publisher));
	}

	/**
	 * A POST written byte for byte, for request targets a URI refuses (such as a broken
	 * percent escape); the answer is read to the end of the connection.
	 * @param origin {@code http://host:port}
	 */
	public static Response rawPost(String origin, String target, Map<String, String> headers, String body) {
		return raw("POST", origin, target, headers, body);
	}

	/** As {@link #rawPost}, with any method. */
	public static Response raw(String method, String origin, String target, Map<String, String> headers, String body) {
		URI uri = URI.create(origin);
		byte[] content = body.getBytes(StandardCharsets.UTF_8);
		// HTTP/1.0: the answer ends with the connection, not in chunks.
		StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.0\r\nHost: " + uri.getAuthority()
				+ "\r\nContent-Length: " + content.length + "\r\n");
		headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(content);
			out.flush();
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int end = answer.indexOf("\r\n\r\n");
			String[] lines = answer.substring(0, end).split("\r\n");
			Map<String, List<String>> answerHeaders = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				answerHeaders.put(lines[i].substring(0, colon), List.of(lines[i].substring(colon + 1).trim()));
			}
			return new Response(Integer.parseInt(lines[0].split(" ")[1]), answerHeaders, answer.substring(end + 4));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Request failed: " + ex.getMessage(), ex);
		}
	}

	private static HttpRequest.Builder request(String url, Map<String, String> headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
		headers.forEach(builder::header);
		return builder;
	}

	private static Response send(HttpRequest.Builder builder) {
		try {
			HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Request failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Status, headers and body of an answer. */
	public record Response(int status, Map<String, List<String>> headers, String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String header(String name) {
			return HttpStub.firstHeader(this.headers, name);
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
