package dev.flowgate.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on 127.0.0.1: either answers 204 at once and records when the first
 * attempt for each execution arrived (the execution id is the last path segment), or
 * takes every request and never answers.
 */
final class CallbackReceiver implements AutoCloseable {

	private static final int THREADS = 16;

	private static final int BACKLOG = 1024;

	private static final int NO_CONTENT = 204;

	private static final int NO_BODY = -1;

	private final HttpServer server;

	private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);

	private final Map<String, Instant> firstArrivals = new ConcurrentHashMap<>();

	private final List<HttpExchange> held = new CopyOnWriteArrayList<>();

	private final boolean hangs;

	private CallbackReceiver(boolean hangs) throws IOException {
		this.hangs = hangs;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), BACKLOG);
		this.server.createContext("/", this::handle);
		this.server.setExecutor(this.threads);
		this.server.start();
	}

	static CallbackReceiver answering() throws IOException {
		return new CallbackReceiver(false);
	}

	/**
	 * Holds every request open without answering, so each attempt runs into its timeout.
	 */
	static CallbackReceiver hanging() throws IOException {
		return new CallbackReceiver(true);
	}

	/** The callback URL for one execution. */
	String url(String executionId) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook/" + executionId;
	}

	/** When the first attempt for the execution arrived, or {@code null}. */
	Instant firstArrival(String executionId) {
		return this.firstArrivals.get(executionId);
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.threads.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		Instant arrived = Instant.now();
		try (InputStream body = exchange.getRequestBody()) {
			body.readAllBytes();
		}
		if (this.hangs) {
			// Returning without answering leaves the connection open and the client
			// waiting.
			this.held.add(exchange);
			return;
		}
		String path = exchange.getRequestURI().getPath();
		this.firstArrivals.putIfAbsent(path.substring(path.lastIndexOf('/') + 1), arrived);
		exchange.sendResponseHeaders(NO_CONTENT, NO_BODY);
		exchange.close();
	}

}
