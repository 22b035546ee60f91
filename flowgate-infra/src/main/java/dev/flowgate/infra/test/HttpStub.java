package dev.flowgate.infra.test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
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
 * A real HTTP server on 127.0.0.1 and a free port standing in for an API the code under
 * test calls: it answers per path as the test says and records every request (and when).
 * One for the runner's, deployment-, key-service's and the system tests, which had each
 * written their own.
 */
public final class HttpStub implements AutoCloseable {

	// Connections waiting to be accepted, as a real server allows (nginx 511): a runner
	// taking over a backlog opens hundreds at once, and with the JDK's default of 50 the
	// rest would wait for a SYN sent again seconds later.
	private static final int BACKLOG = 1024;

	private final HttpServer server;

	private final ExecutorService handlers = Executors.newCachedThreadPool();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final List<Received> arrivals = new CopyOnWriteArrayList<>();

	private final Map<String, Function<Received, Reply>> routes = new ConcurrentHashMap<>();

	private volatile Function<Received, Reply> otherwise = (request) -> Reply.text(404, "no route");

	private HttpStub(SSLContext tls) throws IOException {
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

	public static HttpStub start() {
		return start(null);
	}

	/** Over HTTPS with {@code tls}; plain HTTP when {@code null}. */
	public static HttpStub start(SSLContext tls) {
		try {
			return new HttpStub(tls);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Answers requests to {@code path} (exact, without the query) with {@code reply}. */
	public HttpStub on(String path, Function<Received, Reply> reply) {
		this.routes.put(path, reply);
		return this;
	}

	/** Answers requests to any path without a route of its own; 404 until set. */
	public HttpStub otherwise(Function<Received, Reply> reply) {
		this.otherwise = reply;
		return this;
	}

	/** {@code http://127.0.0.1:PORT}, without a trailing slash. */
	public String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	public String url(String path) {
		return baseUrl() + path;
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	/** The requests answered so far, in the order they were answered, with when. */
	public List<Received> received() {
		return List.copyOf(this.received);
	}

	public List<Received> received(String path) {
		return this.received.stream().filter((request) -> request.path().equals(path)).toList();
	}

	/** The requests to {@code path} that have arrived so far, answered or not. */
	public List<Received> arrivals(String path) {
		return this.arrivals.stream().filter((request) -> request.path().equals(path)).toList();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.handlers.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		Instant arrived = Instant.now();
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
				exchange.getRequestHeaders(), body, arrived, null);
		this.arrivals.add(request);
		Reply reply = this.routes.getOrDefault(request.path(), this.otherwise).apply(request);
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

	/**
	 * The first value of a header, whatever the case of its name, as HTTP has it;
	 * {@code null} when there is none.
	 */
	public static String firstHeader(Map<String, List<String>> headers, String name) {
		return headers.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
			.map((entry) -> entry.getValue().get(0))
			.findFirst()
			.orElse(null);
	}

	/**
	 * A request as the server saw it.
	 *
	 * @param uri the path and query as sent, still encoded
	 * @param answeredAt when it was answered; {@code null} while it is not
	 */
	public record Received(String method, String uri, Map<String, List<String>> headers, String body, Instant arrivedAt,
			Instant answeredAt) {

		Received answeredAt(Instant at) {
			return new Received(this.method, this.uri, this.headers, this.body, this.arrivedAt, at);
		}

		/** The path, decoded. */
		public String path() {
			return URI.create(this.uri).getPath();
		}

		/** The query, decoded; {@code null} when there is none. */
		public String query() {
			return URI.create(this.uri).getQuery();
		}

		/** The first value of the header, whatever the case of its name. */
		public String header(String name) {
			return firstHeader(this.headers, name);
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

		/** The same answer, given {@code delay} later. */
		public Reply after(Duration delay) {
			return new Reply(this.status, this.contentType, this.body, delay);
		}

	}

}
