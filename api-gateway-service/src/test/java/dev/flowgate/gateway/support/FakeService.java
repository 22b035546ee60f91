package dev.flowgate.gateway.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on 127.0.0.1 standing in for key-, deployment- or delivery-service:
 * records every request and answers from the first matching route, 404 problem otherwise.
 */
public final class FakeService implements AutoCloseable {

	/** What the fake answers. */
	public record Reply(int status, Map<String, String> headers, String body) {

		public static Reply json(int status, String body) {
			return new Reply(status, Map.of("Content-Type", "application/json"), body);
		}

		public static Reply problem(int status, String detail) {
			return new Reply(status, Map.of("Content-Type", "application/problem+json"),
					"{\"type\":\"about:blank\",\"title\":\"Upstream problem\",\"status\":" + status + ",\"detail\":\""
							+ detail + "\"}");
		}

	}

	/** One request the fake received. */
	public record Received(String method, String pathAndQuery, Headers headers, String body) {

		public String header(String name) {
			return this.headers.getFirst(name);
		}

	}

	private record Route(String method, String pathPrefix, Function<Received, Reply> reply) {
	}

	private final HttpServer server;

	private final List<Route> routes = new CopyOnWriteArrayList<>();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private FakeService(HttpServer server) {
		this.server = server;
	}

	public static FakeService start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			FakeService fake = new FakeService(server);
			server.createContext("/", fake::handle);
			server.start();
			return fake;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Answers requests whose path starts with {@code pathPrefix}. */
	public void on(String method, String pathPrefix, Function<Received, Reply> reply) {
		this.routes.add(0, new Route(method, pathPrefix, reply));
	}

	public Optional<Received> lastRequestTo(String pathPrefix) {
		return this.received.stream()
			.filter((request) -> request.pathAndQuery().startsWith(pathPrefix))
			.reduce((a, b) -> b);
	}

	/** How many requests whose path starts with {@code pathPrefix} arrived. */
	public long requestsTo(String pathPrefix) {
		return this.received.stream().filter((request) -> request.pathAndQuery().startsWith(pathPrefix)).count();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
				exchange.getRequestHeaders(), body);
		this.received.add(request);
		Reply reply = this.routes.stream()
			.filter((route) -> route.method().equals(request.method())
					&& request.pathAndQuery().startsWith(route.pathPrefix()))
			.findFirst()
			.map((route) -> route.reply().apply(request))
			.orElseGet(() -> Reply.problem(404, "Not Found"));
		byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
		reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
		exchange.sendResponseHeaders(reply.status(), (bytes.length > 0) ? bytes.length : -1);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
