package dev.flowgate.gateway.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.gateway.support.DeploymentStates;
import dev.flowgate.gateway.support.FakeRunner.Behaviour;
import dev.flowgate.gateway.support.Http;
import dev.flowgate.gateway.support.TestStack;
import dev.flowgate.gateway.support.TestStack.Tenant;
import dev.flowgate.infra.test.FlowgateInfra;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The client code from aicuflow's and FluxPrompt's documentation (copied verbatim into
 * {@code src/test/resources/seeds}), run against the gateway with only URL, key and ids
 * replaced.
 */
@FlowgateInfra
class SeedClientsTest {

	private static final Duration CLIENT_TIME_LIMIT = Duration.ofSeconds(30);

	private final TestStack stack = TestStack.get();

	private final Tenant tenant = this.stack.newTenant((key) -> key);

	@TempDir
	Path workDir;

	@Test
	void aicuflowPythonClientPrintsStatusOutputAndDuration() throws Exception {
		DeploymentStateChanged deployment = deploy(
				DeploymentStates.of(this.tenant.ownerId()).input("param1", "param1", "text", true));
		String script = aicuflowClient("aicuflow_client.py", deployment.deploymentId(), this.tenant.key());

		List<String> printed = run("client.py", script, "python3").succeeded();

		assertThat(printed).containsExactly("Status: succeeded", "Output: {'param1': 'value1'}",
				"Duration: 0.042 seconds");
	}

	@Test
	void aicuflowJavaScriptClientPrintsStatusOutputAndDuration() throws Exception {
		DeploymentStateChanged deployment = deploy(
				DeploymentStates.of(this.tenant.ownerId()).input("param1", "param1", "text", true));

		Run run = run("client.mjs", aicuflowClient("aicuflow_client.mjs", deployment.deploymentId(), this.tenant.key()),
				"node");

		assertThat(run.exitCode()).as(run.stderr()).isZero();
		assertThat(run.stdout()).containsExactly("Status: succeeded", "Output: { param1: 'value1' }",
				"Duration: 0.042 seconds");
	}

	@Test
	void aicuflowJavaScriptClientThrowsTheErrorsMessage() throws Exception {
		DeploymentStateChanged deployment = deploy(
				DeploymentStates.of(this.tenant.ownerId()).input("param1", "param1", "text", true));

		Run run = run("client.mjs", aicuflowClient("aicuflow_client.mjs", deployment.deploymentId(), "sk-not-a-key"),
				"node");

		assertThat(run.exitCode()).isNotZero();
		assertThat(run.stdout()).isEmpty();
		assertThat(run.stderr()).contains("Error: API Error: ").doesNotContain("API Error: undefined");
	}

	@Test
	void fluxPromptCurlExampleGetsTheFlowsOutput() throws Exception {
		String flowId = "seed-flow-" + this.tenant.keyId();
		deploy(DeploymentStates.of(this.tenant.ownerId()).flowId(flowId).input("node-7", "text", "text", true));
		String script = seed("fluxprompt_curl.sh").replace("YOUR_API_KEY", this.tenant.key())
			.replace("YOUR_INPUT_NODE_ID", "node-7")
			.replace("https://api.fluxprompt.ai", this.stack.a.url(""))
			.replace("YOUR_WORKFLOW_ID", flowId);

		List<String> printed = run("call.sh", script, "bash").succeeded();

		JsonNode answer = Http.JSON.readTree(String.join("\n", printed));
		assertThat(answer.get("success").asBoolean()).isTrue();
		assertThat(answer.get("status").asString()).isEqualTo("succeeded");
		assertThat(answer.get("output").get("text").asString()).isEqualTo("Your input text here");
		assertThat(answer.get("durationSeconds").asDouble()).isEqualTo(0.042);
		assertThat(answer.get("executionId").asString()).isNotBlank();
	}

	private DeploymentStateChanged deploy(DeploymentStates deployment) {
		DeploymentStateChanged state = this.stack.deploy(deployment, Behaviour.ECHO);
		this.stack.awaitVisible(this.tenant, state.deploymentId());
		return state;
	}

	private static String seed(String name) throws IOException {
		try (InputStream in = SeedClientsTest.class.getResourceAsStream("/seeds/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/** One of aicuflow's clients, calling the deployment with the key. */
	private String aicuflowClient(String seedName, String deploymentId, String key) throws IOException {
		return seed(seedName).replace("sk-EuT64********oyU_O", key)
			.replace("https://backend.aicuflow.com/node/deployment-trigger/af86a8a6-40f2-4b92-9f83-c9b3bafb2ccb/",
					this.stack.a.url("/node/deployment-trigger/" + deploymentId + "/"));
	}

	/**
	 * Runs a client, its output going to files, so that one that hangs (Python's
	 * {@code requests} has no timeout) is stopped and fails the test with what it
	 * printed.
	 */
	private Run run(String fileName, String script, String interpreter) throws Exception {
		Path file = Files.writeString(this.workDir.resolve(fileName), script);
		Path stdout = this.workDir.resolve(fileName + ".stdout");
		Path stderr = this.workDir.resolve(fileName + ".stderr");
		Process process = new ProcessBuilder(interpreter, file.toString()).redirectOutput(stdout.toFile())
			.redirectError(stderr.toFile())
			.start();
		if (!process.waitFor(CLIENT_TIME_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(CLIENT_TIME_LIMIT.toSeconds(), TimeUnit.SECONDS);
			fail("%s did not finish within %s; stdout:%n%s%nstderr:%n%s", fileName, CLIENT_TIME_LIMIT,
					Files.readString(stdout), Files.readString(stderr));
		}
		return new Run(process.exitValue(), Files.readAllLines(stdout), Files.readString(stderr));
	}

	private record Run(int exitCode, List<String> stdout, String stderr) {

		List<String> succeeded() {
			assertThat(this.exitCode).as(this.stderr).isZero();
			return this.stdout;
		}

	}

}
