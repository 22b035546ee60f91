package dev.flowgate.system;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on 127.0.0.1 standing in for an API a flow calls: it answers every
 * request under one path with the JSON its function computes and records what it got.
 */
public final class JsonStub implements AutoCloseable {

	private static final int OK = 200;

	private final HttpServer server;

	private final List<Request> received = new CopyOnWriteArrayList<>();

	private JsonStub(HttpServer server) {
		this.server = server;
	}

	/** Answers requests under {@code path} with {@code answer}'s value as JSON. */
	public static JsonStub start(String path, Function<Request, Object> answer) {
		try {
			HttpServer server = LoopbackServers.create();
			JsonStub stub = new JsonStub(server);
			server.createContext(path, (exchange) -> stub.serve(exchange, answer));
			server.start();
			return stub;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code http://127.0.0.1:PORT}, without a trailing slash. */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public List<Request> received() {
		return List.copyOf(this.received);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void serve(HttpExchange exchange, Function<Request, Object> answer) throws IOException {
		try (exchange) {
			Map<String, String> headers = new HashMap<>();
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers,
					body);
			this.received.add(request);
			byte[] json = Api.JSON.writeValueAsBytes(answer.apply(request));
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(OK, json.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(json);
			}
		}
	}

	/** One request as received; header names in lower case. */
	public record Request(String method, String uri, Map<String, String> headers, String body) {
	}

}
