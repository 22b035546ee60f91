package dev.flowgate.delivery.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.flowgate.infra.test.HttpStub;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real webhook receiver on 127.0.0.1 and a free port, answering as the test says and
 * recording every request.
 */
public final class Receiver implements AutoCloseable, AfterEachCallback {

	private static final long HANG_LIMIT_SECONDS = 60;

	private final HttpServer server;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final CountDownLatch closing = new CountDownLatch(1);

	private volatile Function<Request, Reply> behaviour = (request) -> Reply.status(204);

	private Receiver(HttpServer server) {
		this.server = server;
	}

	public static Receiver start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			Receiver receiver = new Receiver(server);
			server.createContext("/", receiver::handle);
			server.setExecutor(receiver.threads);
			server.start();
			return receiver;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	public String url(String path) {
		return "http://127.0.0.1:" + port() + path;
	}

	public Receiver respond(Function<Request, Reply> behaviour) {
		this.behaviour = behaviour;
		return this;
	}

	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	/** The requests whose body is about this execution. */
	public List<Request> requestsFor(String executionId) {
		return this.requests.stream().filter((request) -> request.body().contains("\"" + executionId + "\"")).toList();
	}

	/** A receiver held in a {@code @RegisterExtension} field stops after each test. */
	@Override
	public void afterEach(ExtensionContext context) {
		close();
	}

	@Override
	public void close() {
		this.closing.countDown();
		this.server.stop(0);
		this.threads.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			Request request = new Request(exchange.getRequestURI().toString(), Map.copyOf(exchange.getRequestHeaders()),
					new String(in.readAllBytes(), StandardCharsets.UTF_8), Instant.now());
			this.requests.add(request);
			Reply reply = this.behaviour.apply(request);
			if (reply.hang()) {
				awaitClose();
				return;
			}
			if (!reply.delay().isZero()) {
				Thread.sleep(reply.delay().toMillis());
			}
			reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
			byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(reply.status(), (body.length == 0) ? -1 : body.length);
			if (body.length > 0) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void awaitClose() throws InterruptedException {
		this.closing.await(HANG_LIMIT_SECONDS, TimeUnit.SECONDS);
	}

	/** A received request; header names as the JDK server normalizes them. */
	public record Request(String path, Map<String, List<String>> headers, String body, Instant receivedAt) {

		public String header(String name) {
			return HttpStub.firstHeader(this.headers, name);
		}

	}

	/** What the receiver answers. */
	public record Reply(int status, Map<String, String> headers, String body, Duration delay, boolean hang) {

		public static Reply status(int status) {
			return new Reply(status, Map.of(), "", Duration.ZERO, false);
		}

		public static Reply hangs() {
			return new Reply(0, Map.of(), "", Duration.ZERO, true);
		}

		public Reply withHeader(String name, String value) {
			Map<String, String> all = new java.util.LinkedHashMap<>(this.headers);
			all.put(name, value);
			return new Reply(this.status, all, this.body, this.delay, this.hang);
		}

		public Reply withBody(String text) {
			return new Reply(this.status, this.headers, text, this.delay, this.hang);
		}

	}

}
