package dev.flowgate.system.clients;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.flowgate.system.Api;
import dev.flowgate.system.SystemStack;
import dev.flowgate.system.load.ExecutionRecords;
import dev.flowgate.system.load.SlowStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The client code from aicuflow's and FluxPrompt's documentation, as the gateway's
 * {@code SeedClientsTest} keeps it, run against the real stack with only URL, key and ids
 * replaced: python3 with requests, node and curl, as a user would run them. What each
 * prints must be its own execution's, as deployment-service recorded it.
 */
class SeedClientsIT {

	private static final Path SEEDS = Path.of("..", "api-gateway-service", "src", "test", "resources", "seeds");

	// A client left waiting (a call never answered) fails its test instead of hanging the
	// build.
	private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration RECORDED = Duration.ofSeconds(30);

	private static SlowStub slowApi;

	private final SystemStack stack = SystemStack.shared();

	@TempDir
	Path workDir;

	// The flow calls it, so that an execution takes a measurable, varying time.
	@BeforeAll
	static void startSlowApi() {
		slowApi = SlowStub.start(50, 150);
	}

	@AfterAll
	static void stopSlowApi() {
		slowApi.close();
	}

	@Test
	void aicuflowPythonClientPrintsItsExecutionsStatusOutputAndDuration() throws Exception {
		String deploymentId = deployEcho();

		Run run = run("client.py", aicuflowClient("aicuflow_client.py", deploymentId), "python3");

		JsonNode execution = onlyExecution(deploymentId);
		assertThat(run.succeeded()).hasSize(3)
			.startsWith("Status: succeeded", "Output: {'echo': 'value1'}")
			.last()
			.satisfies((line) -> assertThat(printedDuration(line)).isEqualTo(recordedDuration(execution)));
	}

	@Test
	void aicuflowJavaScriptClientPrintsItsExecutionsStatusOutputAndDuration() throws Exception {
		String deploymentId = deployEcho();

		Run run = run("client.mjs", aicuflowClient("aicuflow_client.mjs", deploymentId), "node");

		JsonNode execution = onlyExecution(deploymentId);
		assertThat(run.succeeded()).hasSize(3)
			.startsWith("Status: succeeded", "Output: { echo: 'value1' }")
			.last()
			.satisfies((line) -> assertThat(printedDuration(line)).isEqualTo(recordedDuration(execution)));
	}

	@Test
	void fluxPromptCurlExampleGetsItsExecutionsOutput() throws Exception {
		Api.Response flow = createEchoFlow();
		this.stack.deploy(flow.text("/id"), "sync", Map.of());
		String script = seed("fluxprompt_curl.sh").replace("YOUR_API_KEY", this.stack.processes().apiKey())
			.replace("YOUR_INPUT_NODE_ID", "node-7")
			.replace("https://api.fluxprompt.ai", this.stack.api().baseUrl())
			.replace("YOUR_WORKFLOW_ID", flow.text("/id"));

		Run run = run("call.sh", script, "bash");

		JsonNode answer = Api.JSON.readTree(String.join("\n", run.succeeded()));
		assertThat(answer.at("/success").asBoolean()).as(answer.toString()).isTrue();
		assertThat(answer.at("/status").asString()).isEqualTo("succeeded");
		assertThat(answer.at("/output/echo").asString()).isEqualTo("Your input text here");
		JsonNode execution = recorded("/v1/executions/" + answer.at("/executionId").asString());
		assertThat(answer.at("/durationSeconds").asDouble()).isEqualTo(recordedDuration(execution));
	}

	/**
	 * Input node {@code node-7} named {@code param1} (the aicuflow clients' input) → a
	 * call to the slow API → output {@code echo} repeating the input.
	 */
	private Api.Response createEchoFlow() {
		Map<String, Object> flow = Map.of("name", "seed-echo", "nodes",
				List.of(Map.of("id", "node-7", "type", "input", "config",
						Map.of("name", "param1", "inputType", "text", "required", true, "testValue", "hi")),
						Map.of("id", "work", "type", "http", "config", Map.of("url", slowApi.url())),
						Map.of("id", "out", "type", "output", "config",
								Map.of("name", "echo", "value", "{{input.param1}}"))),
				"edges", List.of(Map.of("from", "node-7", "to", "work"), Map.of("from", "work", "to", "out")));
		Api.Response created = this.stack.api().post("/v1/flows", this.stack.ownerKey(), flow);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created;
	}

	/** A deployment of its own per client, so that its one execution is the client's. */
	private String deployEcho() {
		return this.stack.deploy(createEchoFlow().text("/id"), "sync", Map.of());
	}

	private String aicuflowClient(String seedName, String deploymentId) throws IOException {
		return seed(seedName).replace("sk-EuT64********oyU_O", this.stack.processes().apiKey())
			.replace("https://backend.aicuflow.com/node/deployment-trigger/af86a8a6-40f2-4b92-9f83-c9b3bafb2ccb/",
					this.stack.api().baseUrl() + "/node/deployment-trigger/" + deploymentId + "/");
	}

	private static String seed(String name) throws IOException {
		return Files.readString(SEEDS.resolve(name));
	}

	/** The deployment's one execution, once deployment-service recorded it finished. */
	private JsonNode onlyExecution(String deploymentId) {
		ExecutionRecords records = new ExecutionRecords(this.stack.api(), this.stack.ownerKey());
		return await().atMost(RECORDED)
			.until(() -> records.all(deploymentId),
					(all) -> all.size() == 1 && "succeeded".equals(all.get(0).at("/status").asString()))
			.get(0);
	}

	private JsonNode recorded(String path) {
		return await().atMost(RECORDED)
			.until(() -> this.stack.api().get(path, this.stack.ownerKey()),
					(execution) -> execution.status() == 200 && "succeeded".equals(execution.text("/status")))
			.json();
	}

	/** The execution's recorded duration: at least the slow API's answer time. */
	private static double recordedDuration(JsonNode execution) {
		double seconds = execution.at("/duration_seconds").asDouble();
		assertThat(seconds).as(execution.toString()).isPositive();
		return seconds;
	}

	/** The seconds in {@code Duration: 0.123 seconds}. */
	private static double printedDuration(String line) {
		assertThat(line).matches("Duration: [0-9]+(\\.[0-9]+)? seconds");
		return Double.parseDouble(line.split(" ")[1]);
	}

	private Run run(String fileName, String script, String interpreter) throws Exception {
		Path file = Files.writeString(this.workDir.resolve(fileName), script);
		Path stdout = this.workDir.resolve(fileName + ".out");
		Path stderr = this.workDir.resolve(fileName + ".err");
		Instant started = Instant.now();
		Process process = new ProcessBuilder(interpreter, file.toString()).redirectOutput(stdout.toFile())
			.redirectError(stderr.toFile())
			.start();
		if (!process.waitFor(CLIENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
			process.destroyForcibly();
			fail("%s %s still running after %s; printed %s", interpreter, fileName, CLIENT_TIMEOUT,
					Files.readString(stdout));
		}
		Run run = new Run(process.exitValue(), Files.readAllLines(stdout), Files.readString(stderr));
		System.out.printf("%s %s: exit %d after %d ms, printed %s%n", interpreter, fileName, run.exitCode(),
				Duration.between(started, Instant.now()).toMillis(), run.stdout());
		return run;
	}

	private record Run(int exitCode, List<String> stdout, String stderr) {

		List<String> succeeded() {
			assertThat(this.exitCode).as(this.stderr).isZero();
			return this.stdout;
		}

	}

}
