package dev.flowgate.deployments.domain.example;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.DeploymentEnvironment;
import dev.flowgate.contracts.DeploymentLimits;
import dev.flowgate.contracts.DeploymentMode;
import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.contracts.FlowEdge;
import dev.flowgate.contracts.FlowNode;
import dev.flowgate.deployments.domain.deployment.Deployment;
import dev.flowgate.infra.test.HttpStub;
import dev.flowgate.infra.test.HttpStub.Received;
import dev.flowgate.infra.test.HttpStub.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every generated example against a local server and checks what it sent. The test
 * values are chosen to break naive quoting: quotes, an apostrophe, a backslash, a line
 * break, non-ASCII text and nested JSON.
 */
class ExampleGeneratorTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String KEY = "sk-test-4711";

	private static final String TRICKY_TEXT = "It's a \"test\" \\ with\na line break, \u2028 and Kafka ✓";

	private static final String DEPLOYMENT_ID = "af86a8a6-40f2-4b92-9f83-c9b3bafb2ccb";

	/** The gateway's answer to each dialect: a finished execution in its shape. */
	private static final String NATIVE_ANSWER = """
			{"id":"e1","status":"succeeded","output_data":{"answer":"ok"},"duration_seconds":0.04,
			 "links":{"self":"/v1/executions/e1"}}""";

	private static final String AICUFLOW_ANSWER = """
			{"status":"success","data":{"status":"succeeded","output_data":{"answer":"ok"},"duration_seconds":0.04}}""";

	private static final String FLUX_ANSWER = """
			{"success":true,"executionId":"e1","status":"succeeded","output":{"answer":"ok"},"durationSeconds":0.04}""";

	@TempDir
	Path workDir;

	/** Stands in for the gateway and records what each example sent. */
	private HttpStub server;

	private Examples examples;

	private final Map<String, Object> expectedInputs = new LinkedHashMap<>();

	@BeforeEach
	void generate() throws IOException {
		this.server = HttpStub.start().otherwise(ExampleGeneratorTest::answer);
		this.examples = new ExampleGenerator().generate(deployment(), this.server.baseUrl());
		this.expectedInputs.put("title", TRICKY_TEXT);
		this.expectedInputs.put("count", 3);
		this.expectedInputs.put("flag", true);
		this.expectedInputs.put("data", Map.of("a", List.of(1, "x'y")));
		this.expectedInputs.put("doc", "https://example.com/a.pdf");
		this.expectedInputs.put("must", "example");
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void curlExamplesAreValidShellAndSendTheInputs() throws Exception {
		for (String code : List.of(this.examples.curl().nativeApi(), this.examples.curl().aicuflow(),
				this.examples.curl().fluxprompt())) {
			assertThat(run("check.sh", code, "bash", "-n")).as(code).isEmpty();
		}
		run("native.sh", this.examples.curl().nativeApi(), "bash");
		run("aicuflow.sh", this.examples.curl().aicuflow(), "bash");
		run("flux.sh", this.examples.curl().fluxprompt(), "bash");

		assertSentAllThree();
	}

	@Test
	void pythonExamplesCompileAndSendTheInputs() throws Exception {
		requireCommand("python3");
		for (String code : List.of(this.examples.python().nativeApi(), this.examples.python().aicuflow(),
				this.examples.python().fluxprompt())) {
			run("check.py", code, "python3", "-m", "py_compile");
		}
		assertThat(run("native.py", this.examples.python().nativeApi(), "python3")).contains("Status: succeeded");
		assertThat(run("aicuflow.py", this.examples.python().aicuflow(), "python3"))
			.containsExactly("Status: succeeded", "Output: {'answer': 'ok'}", "Duration: 0.04 seconds");
		assertThat(run("flux.py", this.examples.python().fluxprompt(), "python3")).contains("Status: succeeded");

		assertSentAllThree();
	}

	@Test
	void javascriptExamplesRunAsModulesAndSendTheInputs() throws Exception {
		requireCommand("node");
		assertThat(run("native.mjs", this.examples.javascript().nativeApi(), "node")).contains("Status: succeeded");
		assertThat(run("aicuflow.mjs", this.examples.javascript().aicuflow(), "node")).contains("Status: succeeded");
		assertThat(run("flux.mjs", this.examples.javascript().fluxprompt(), "node")).contains("Status: succeeded");

		assertSentAllThree();
	}

	@Test
	void javaExamplesRunAndSendTheInputs() throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		for (String code : List.of(this.examples.java().nativeApi(), this.examples.java().aicuflow(),
				this.examples.java().fluxprompt())) {
			Path dir = Files.createTempDirectory(this.workDir, "java");
			Files.writeString(dir.resolve("FlowgateExample.java"), code);
			assertThat(execute(dir, List.of(java, "FlowgateExample.java"))).contains("HTTP 200");
		}

		assertSentAllThree();
	}

	private void assertSentAllThree() {
		List<Received> requests = this.server.received();
		assertThat(requests).hasSize(3);
		Received nativeCall = requests.get(0);
		assertThat(nativeCall.method()).isEqualTo("POST");
		assertThat(nativeCall.uri()).isEqualTo("/v1/deployments/" + DEPLOYMENT_ID + "/executions");
		assertThat(nativeCall.header("Authorization")).isEqualTo("Bearer " + KEY);
		assertThat(json(nativeCall.body())).isEqualTo(JSON.valueToTree(Map.of("input_data", this.expectedInputs)));
		Received aicuflowCall = requests.get(1);
		assertThat(aicuflowCall.uri()).isEqualTo("/node/deployment-trigger/" + DEPLOYMENT_ID + "/");
		assertThat(aicuflowCall.header("X-API-Key")).isEqualTo(KEY);
		assertThat(json(aicuflowCall.body())).isEqualTo(json(nativeCall.body()));
		Received fluxCall = requests.get(2);
		assertThat(fluxCall.uri()).isEqualTo("/flux/api-v2?flowId=" + DEPLOYMENT_ID);
		assertThat(fluxCall.header("api-key")).isEqualTo(KEY);
		JsonNode variables = json(fluxCall.body()).path("variableInputs");
		assertThat(variables.valueStream().map((variable) -> variable.path("inputId").asString()))
			.containsExactly("text", "count", "flag", "data", "doc", "must");
		assertThat(variables.valueStream().map((variable) -> variable.path("inputText").asString()))
			.containsExactly(TRICKY_TEXT, "3", "true", "{\"a\":[1,\"x'y\"]}", "https://example.com/a.pdf", "example");
	}

	private static Reply answer(Received request) {
		if (request.path().startsWith("/node/")) {
			return Reply.json(200, AICUFLOW_ANSWER);
		}
		return Reply.json(200, request.path().startsWith("/flux/") ? FLUX_ANSWER : NATIVE_ANSWER);
	}

	private List<String> run(String fileName, String code, String... command) throws Exception {
		Path file = Files.writeString(this.workDir.resolve(fileName), code);
		List<String> commandLine = new ArrayList<>(List.of(command));
		commandLine.add(file.toString());
		return execute(this.workDir, commandLine);
	}

	private static List<String> execute(Path dir, List<String> commandLine) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(commandLine).directory(dir.toFile()).redirectErrorStream(true);
		builder.environment().put("FLOWGATE_API_KEY", KEY);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as("%s:%n%s", commandLine, output).isZero();
		return output.lines().toList();
	}

	/**
	 * Fails rather than skips: CI has python3 and node, and an image without them must
	 * not pass without running the examples.
	 */
	private static void requireCommand(String command) {
		assertThat(hasCommand(command)).as("%s is needed to run the examples, and is not on the PATH", command)
			.isTrue();
	}

	private static boolean hasCommand(String command) {
		try {
			return new ProcessBuilder(command, "--version").start().waitFor() == 0;
		}
		catch (IOException | InterruptedException ex) {
			return false;
		}
	}

	private static JsonNode json(String text) {
		return JSON.readTree(text);
	}

	private static Deployment deployment() {
		List<FlowNode> nodes = List.of(input("text", "title", "text", true, TRICKY_TEXT),
				input("count", "count", "number", true, 3), input("flag", "flag", "boolean", false, true),
				input("data", "data", "json", false, Map.of("a", List.of(1, "x'y"))),
				input("doc", "doc", "file_url", false, "https://example.com/a.pdf"),
				input("optional", "optional", "text", false, null), input("must", "must", "text", true, null),
				new FlowNode("out", "output", Map.of("name", "answer", "value", "{{input.title}}")));
		List<FlowEdge> edges = nodes.stream()
			.filter((node) -> !node.id().equals("out"))
			.map((node) -> new FlowEdge(node.id(), "out", null))
			.toList();
		Instant now = Instant.now();
		return new Deployment(DEPLOYMENT_ID, "owner-1",
				"Answers \"v2\"\nsecond line \\u000a\u2028throw new Error(\"name ran as code\")\u2029//", "flow-1", 1,
				new FlowDefinition(nodes, edges), DeploymentMode.SYNC, DeploymentEnvironment.PRODUCTION, true, 30,
				DeliveryTarget.NONE, DeploymentLimits.NONE, 1, now, now);
	}

	private static FlowNode input(String id, String name, String type, boolean required, Object testValue) {
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("name", name);
		config.put("inputType", type);
		config.put("required", required);
		if (testValue != null) {
			config.put("testValue", testValue);
		}
		return new FlowNode(id, "input", config);
	}

}
