package dev.flowgate.deployments.domain.example;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server standing in for the gateway: it records each request and answers
 * with a finished execution in every dialect's shape at once.
 */
final class RecordingServer implements AutoCloseable {

	private static final String NATIVE_ANSWER = """
			{"id":"e1","status":"succeeded","output_data":{"answer":"ok"},"duration_seconds":0.04,
			 "links":{"self":"/v1/executions/e1"}}""";

	private static final String AICUFLOW_ANSWER = """
			{"status":"success","data":{"status":"succeeded","output_data":{"answer":"ok"},"duration_seconds":0.04}}""";

	private static final String FLUX_ANSWER = """
			{"success":true,"executionId":"e1","status":"succeeded","output":{"answer":"ok"},"durationSeconds":0.04}""";

	private final HttpServer server;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	RecordingServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::record);
		this.server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	List<Request> requests() {
		return this.requests;
	}

	private void record(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
		this.requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body));
		byte[] answer = answerFor(exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, answer.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(answer);
		}
	}

	private static String answerFor(String path) {
		if (path.startsWith("/node/")) {
			return AICUFLOW_ANSWER;
		}
		return path.startsWith("/flux/") ? FLUX_ANSWER : NATIVE_ANSWER;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	record Request(String method, String uri, Map<String, String> headers, String body) {

	}

}
