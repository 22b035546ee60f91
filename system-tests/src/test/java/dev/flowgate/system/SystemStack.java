package dev.flowgate.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.flowgate.infra.local.LocalEnv;
import dev.flowgate.infra.local.LocalStack;
import dev.flowgate.infra.local.StackOptions;
import dev.flowgate.infra.local.StackPorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One running Flowgate per test JVM, started exactly as {@code ./flowgate up} starts it
 * (same launcher, separate processes), on free ports and a temporary run directory.
 */
public final class SystemStack implements AutoCloseable {

	private static SystemStack shared;

	private static LlmStub sharedLlm;

	// A stack that failed to start fails every later class at once instead of retrying
	// for
	// minutes each.
	private static RuntimeException startFailure;

	private final LocalStack stack;

	private final Api api;

	private SystemStack(LocalStack stack) {
		this.stack = stack;
		this.api = new Api(stack.gatewayUrl());
	}

	/**
	 * A stack of one's own, for tests that kill, stop or add processes; {@link #close()}
	 * it at the end.
	 * @param serviceEnv extra environment for every service process
	 */
	public static SystemStack startOwn(Map<String, String> serviceEnv) {
		return new SystemStack(LocalStack.start(options().withServiceEnv(serviceEnv)));
	}

	/**
	 * A stack of one's own whose MongoDB and Kafka keep their data in files, so they can
	 * be stopped and started again without losing it.
	 */
	public static SystemStack startOwnWithDataInFiles(Map<String, String> serviceEnv) {
		return new SystemStack(LocalStack.start(options().withDataInFiles().withServiceEnv(serviceEnv)));
	}

	public static synchronized SystemStack shared() {
		if (startFailure != null) {
			throw new IllegalStateException("The shared stack did not start", startFailure);
		}
		if (shared == null) {
			// The runner's platform LLM is a local stub, so flows with llm nodes run
			// offline.
			if (sharedLlm == null) {
				sharedLlm = LlmStub.start();
			}
			try {
				shared = new SystemStack(LocalStack.start(options().withServiceEnv(sharedLlm.serviceEnv())));
			}
			catch (RuntimeException ex) {
				startFailure = ex;
				throw ex;
			}
			Runtime.getRuntime().addShutdownHook(new Thread(shared.stack::close));
		}
		return shared;
	}

	private static StackOptions options() {
		try {
			Path root = Path.of("..").toAbsolutePath().normalize();
			// In target, beside the reports: the services' logs and the broker's data are
			// there to read after a failure, and a clean build removes them.
			Path runDir = Files.createTempDirectory(
					Files.createDirectories(Path.of("target", "stacks")).toAbsolutePath(), "flowgate-system-");
			return StackOptions.forTests(root, runDir, StackPorts.free());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public LocalStack processes() {
		return this.stack;
	}

	public Api api() {
		return this.api;
	}

	public Map<String, String> ownerKey() {
		return Api.bearer(this.stack.apiKey());
	}

	public Map<String, String> admin() {
		return Map.of("X-Admin-Secret", this.stack.adminSecret());
	}

	/**
	 * A flow with one text input {@code text} and one output {@code echo}, deployed as
	 * asked.
	 */
	public String deployEchoFlow(String mode, Map<String, Object> delivery) {
		Map<String, Object> flow = Map.of("name", "echo", "nodes", List.of(
				Map.of("id", "text", "type", "input", "config",
						Map.of("name", "text", "inputType", "text", "required", true, "testValue", "hi")),
				Map.of("id", "out", "type", "output", "config", Map.of("name", "echo", "value", "{{input.text}}"))),
				"edges", List.of(Map.of("from", "text", "to", "out")));
		Api.Response created = this.api.post("/v1/flows", ownerKey(), flow);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return deploy(created.text("/id"), mode, delivery);
	}

	public String deploy(String flowId, String mode, Map<String, Object> delivery) {
		Map<String, Object> deployment = new LinkedHashMap<>();
		deployment.put("flowId", flowId);
		deployment.put("name", "echo-" + mode);
		deployment.put("mode", mode);
		deployment.put("environment", "production");
		deployment.put("syncTimeoutSeconds", 20);
		deployment.put("delivery", delivery);
		Api.Response created = this.api.post("/v1/deployments", ownerKey(), deployment);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.text("/id");
	}

	/** Triggers natively once the gateway's deployment view has the deployment. */
	public Api.Response triggerWhenDeployed(String deploymentId, Map<String, Object> inputs) {
		String path = "/v1/deployments/" + deploymentId + "/executions";
		Api.Response[] last = new Api.Response[1];
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			last[0] = this.api.post(path, ownerKey(), Map.of("input_data", inputs));
			return last[0].status() != 404;
		});
		return last[0];
	}

	/** The shared stack's LLM stub (the runner's {@code FLOWGATE_LLM_BASE_URL}). */
	public static LlmStub sharedLlm() {
		shared();
		return sharedLlm;
	}

	/** The token services use among themselves, from the stack's {@code local.env}. */
	public String internalToken() {
		return localEnv(LocalEnv.INTERNAL_TOKEN);
	}

	/** The key delivery-service encrypts signing secrets with, from {@code local.env}. */
	public String webhookEncryptionKey() {
		return localEnv(LocalEnv.WEBHOOK_ENCRYPTION_KEYS);
	}

	private String localEnv(String name) {
		return LocalEnv.load(this.stack.runDir().resolve("local.env")).get(name);
	}

	/** Stops a stack from {@link #startOwn}; the shared one lives as long as the JVM. */
	@Override
	public void close() {
		if (this != shared) {
			this.stack.close();
		}
	}

}
