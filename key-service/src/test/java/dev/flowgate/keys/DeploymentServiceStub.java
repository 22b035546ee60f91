package dev.flowgate.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * deployment-service's {@code GET /v1/deployments/{id}} on 127.0.0.1, as key-service sees
 * it: 200 for a deployment of the calling owner, 404 for any other.
 */
public final class DeploymentServiceStub implements AutoCloseable {

	private static final String PATH = "/v1/deployments/";

	private static DeploymentServiceStub shared;

	private final HttpServer server;

	private final Set<String> deployments = ConcurrentHashMap.newKeySet();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final AtomicInteger forcedStatus = new AtomicInteger();

	private volatile Duration delay = Duration.ZERO;

	private DeploymentServiceStub() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	public static DeploymentServiceStub start() {
		return new DeploymentServiceStub();
	}

	/** One stub for every Spring context of the JVM. */
	public static synchronized DeploymentServiceStub shared() {
		if (shared == null) {
			shared = start();
		}
		return shared;
	}

	public URI url() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	public void add(String ownerId, String deploymentId) {
		this.deployments.add(ownerId + "/" + deploymentId);
	}

	/**
	 * Every later call gets this status; 0 goes back to answering from the deployments.
	 */
	public void answerEveryCallWith(int status) {
		this.forcedStatus.set(status);
	}

	/** Every later answer comes this much later. */
	public void answerAfter(Duration delay) {
		this.delay = delay;
	}

	public List<Request> requests() {
		return this.requests;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try {
			Thread.sleep(this.delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		String path = exchange.getRequestURI().getRawPath();
		String deploymentId = path.startsWith(PATH)
				? URLDecoder.decode(path.substring(PATH.length()), StandardCharsets.UTF_8) : null;
		String ownerId = exchange.getRequestHeaders().getFirst("X-Flowgate-Owner-Id");
		this.requests.add(new Request(exchange.getRequestMethod(), deploymentId, ownerId,
				exchange.getRequestHeaders().getFirst("X-Flowgate-Internal-Token")));
		int status = this.forcedStatus.get();
		if (status == 0) {
			status = (deploymentId != null && this.deployments.contains(ownerId + "/" + deploymentId)) ? 200 : 404;
		}
		byte[] body = ("{\"id\":\"" + deploymentId + "\"}").getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	/** What one call asked for and with which headers. */
	public record Request(String method, String deploymentId, String ownerId, String internalToken) {
	}

	/** Starts the shared stub and points key-service at it. */
	public static final class Extension implements BeforeAllCallback {

		@Override
		public void beforeAll(ExtensionContext context) {
			System.setProperty("flowgate.deployment-service.url", shared().url().toString());
		}

	}

}
