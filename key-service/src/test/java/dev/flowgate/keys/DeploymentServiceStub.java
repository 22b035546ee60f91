package dev.flowgate.keys;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.flowgate.infra.test.HttpStub;
import dev.flowgate.infra.test.HttpStub.Received;
import dev.flowgate.infra.test.HttpStub.Reply;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * deployment-service's {@code GET /v1/deployments/{id}} on 127.0.0.1, as key-service sees
 * it: 200 for a deployment of the calling owner, 404 for any other.
 */
public final class DeploymentServiceStub implements AutoCloseable {

	private static final String PATH = "/v1/deployments/";

	private static DeploymentServiceStub shared;

	private final Set<String> deployments = ConcurrentHashMap.newKeySet();

	private final AtomicInteger forcedStatus = new AtomicInteger();

	private volatile Duration delay = Duration.ZERO;

	private final HttpStub server;

	private DeploymentServiceStub() {
		this.server = HttpStub.start().otherwise(this::answer);
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
		return URI.create(this.server.baseUrl());
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

	/** The calls answered so far. */
	public List<Request> requests() {
		return this.server.received().stream().map(Request::of).toList();
	}

	@Override
	public void close() {
		this.server.close();
	}

	private Reply answer(Received received) {
		Request request = Request.of(received);
		int status = this.forcedStatus.get();
		if (status == 0) {
			status = (request.deploymentId() != null
					&& this.deployments.contains(request.ownerId() + "/" + request.deploymentId())) ? 200 : 404;
		}
		return Reply.json(status, "{\"id\":\"" + request.deploymentId() + "\"}").after(this.delay);
	}

	/** What one call asked for and with which headers. */
	public record Request(String method, String deploymentId, String ownerId, String internalToken) {

		static Request of(Received received) {
			String path = URI.create(received.uri()).getRawPath();
			String deploymentId = path.startsWith(PATH)
					? URLDecoder.decode(path.substring(PATH.length()), StandardCharsets.UTF_8) : null;
			return new Request(received.method(), deploymentId, received.header("X-Flowgate-Owner-Id"),
					received.header("X-Flowgate-Internal-Token"));
		}

	}

	/** Starts the shared stub and points key-service at it. */
	public static final class Extension implements BeforeAllCallback {

		@Override
		public void beforeAll(ExtensionContext context) {
			System.setProperty("flowgate.deployment-service.url", shared().url().toString());
		}

	}

}
