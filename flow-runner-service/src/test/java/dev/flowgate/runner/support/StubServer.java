package dev.flowgate.runner.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A real HTTP server on 127.0.0.1 and a free port, answering per path and recording what
 * it received (and when), for tests of outbound HTTP.
 */
public final class StubServer implements AutoCloseable {

	private static final int BACKLOG = 512;

	private final HttpServer server;

	private final ExecutorService handlers = Executors.newCachedThreadPool();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final List<Received> arrivals = new CopyOnWriteArrayList<>();

	private final Map<String, Function<Received, Reply>> routes = new ConcurrentHashMap<>();

	private StubServer(SSLContext tls) throws IOException {
		InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
		if (tls != null) {
			HttpsServer https = HttpsServer.create(address, BACKLOG);
			https.setHttpsConfigurator(new HttpsConfigurator(tls));
			this.server = https;
		}
		else {
			this.server = HttpServer.create(address, BACKLOG);
		}
		this.server.setExecutor(this.handlers);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	public static StubServer start() {
		return start(null);
	}

	/** Over HTTPS with {@code tls}; plain HTTP when {@code null}. */
	public static StubServer start(SSLContext tls) {
		try {
			return new StubServer(tls);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Answers requests to {@code path} (exact, without the query) with {@code reply}. */
	public StubServer on(String path, Function<Received, Reply> reply) {
		this.routes.put(path, reply);
		return this;
	}

	public String url(String path) {
		return "http://127.0.0.1:" + port() + path;
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	/** The requests answered so far, in the order they were answered, with when. */
	public List<Received> received() {
		return List.copyOf(this.received);
	}

	/** The requests to {@code path} that have arrived so far, answered or not. */
	public List<Received> arrivals(String path) {
		return this.arrivals.stream().filter((request) -> request.path().equals(path)).toList();
	}

	public List<Received> received(String path) {
		return this.received.stream().filter((request) -> request.path().equals(path)).toList();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.handlers.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		Instant arrived = Instant.now();
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				exchange.getRequestURI().getQuery(), exchange.getRequestHeaders(), body, arrived);
		this.arrivals.add(request);
		Function<Received, Reply> route = this.routes.getOrDefault(request.path(), (r) -> Reply.text(404, "no route"));
		Reply reply = route.apply(request);
		try {
			pause(reply.delay());
			// Recorded before the answer leaves: a client that has its answer finds its
			// request here.
			this.received.add(request.answeredAt(Instant.now()));
			exchange.getResponseHeaders().set("Content-Type", reply.contentType());
			byte[] bytes = reply.body();
			exchange.sendResponseHeaders(reply.status(), (bytes.length == 0) ? -1 : bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
		finally {
			exchange.close();
		}
	}

	private static void pause(Duration delay) {
		if (delay.isZero()) {
			return;
		}
		try {
			// Simulates a slow API; the waiting happens in the server, never in the test.
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A request as the server saw it. */
	public record Received(String method, String path, String query, Map<String, List<String>> headers, String body,
			Instant arrivedAt, Instant answeredAt) {

		Received(String method, String path, String query, Map<String, List<String>> headers, String body,
				Instant arrivedAt) {
			this(method, path, query, headers, body, arrivedAt, null);
		}

		Received answeredAt(Instant at) {
			return new Received(this.method, this.path, this.query, this.headers, this.body, this.arrivedAt, at);
		}

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

	}

	/** What the server answers. */
	public record Reply(int status, String contentType, byte[] body, Duration delay) {

		public static Reply json(int status, String json) {
			return new Reply(status, "application/json", json.getBytes(StandardCharsets.UTF_8), Duration.ZERO);
		}

		public static Reply text(int status, String text) {
			return new Reply(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Duration.ZERO);
		}

		public Reply after(Duration delay) {
			return new Reply(this.status, this.contentType, this.body, delay);
		}

	}

}
