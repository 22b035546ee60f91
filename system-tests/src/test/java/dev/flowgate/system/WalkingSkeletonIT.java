package dev.flowgate.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.flowgate.infra.ManagedProcess;
import dev.flowgate.infra.local.Service;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The trigger path through every service, each running as its own process the way
 * {@code ./flowgate up} starts them: gateway → Kafka → runner → Kafka → gateway (sync
 * answer), deployment-service (execution record) and delivery-service (callback).
 */
class WalkingSkeletonIT {

	/** The lowest CPU priority Linux has. */
	private static final int LOWEST = 19;

	private final SystemStack stack = SystemStack.shared();

	private final Api api = this.stack.api();

	@Test
	void syncTriggerIsAnsweredRecordedAndDelivered() {
		try (CallbackReceiver receiver = CallbackReceiver.start()) {
			String deploymentId = this.stack.deployEchoFlow("sync", Map.of("callbackUrl", receiver.url()));

			Api.Response answer = this.stack.triggerWhenDeployed(deploymentId, Map.of("text", "hello flowgate"));

			assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
			JsonNode execution = answer.json();
			assertThat(execution.at("/status").asString()).isEqualTo("succeeded");
			assertThat(execution.at("/output_data/echo").asString()).isEqualTo("hello flowgate");
			String executionId = execution.at("/id").asString();

			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				Api.Response recorded = this.api.get("/v1/executions/" + executionId, this.stack.ownerKey());
				assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
				assertThat(recorded.text("/status")).isEqualTo("succeeded");
				assertThat(recorded.text("/flow_version")).isEqualTo("1");
				assertThat(recorded.text("/input_data/text")).isEqualTo("hello flowgate");
			});
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				List<CallbackReceiver.Received> calls = receiver.received();
				assertThat(calls).isNotEmpty();
				assertThat(Api.JSON.readTree(calls.get(0).body()).at("/execution_id").asString())
					.isEqualTo(executionId);
				assertThat(calls.get(0).headers()).containsKeys("webhook-id", "webhook-signature", "webhook-timestamp");
			});
		}
	}

	@Test
	void asyncTriggerIsAcceptedAtOnceAndCanBePolled() {
		String deploymentId = this.stack.deployEchoFlow("async", Map.of());

		Api.Response accepted = this.stack.triggerWhenDeployed(deploymentId, Map.of("text", "later"));

		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		String poll = accepted.text("/links/self");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			Api.Response polled = this.api.get(poll, this.stack.ownerKey());
			assertThat(polled.text("/status")).as(polled.toString()).isEqualTo("succeeded");
			assertThat(polled.text("/output_data/echo")).isEqualTo("later");
		});
	}

	@Test
	void servicesRunAtTheirCpuPriorities() throws IOException {
		assumeThat(Path.of("/proc/self/stat")).as("Linux").exists();
		assumeThat(ManagedProcess.canLowerPriority()).as("nice on the PATH").isTrue();
		// The gateway first, the runner next, the services off the request path last;
		// nice adds to the priority the build itself runs at.
		Map<Service, Integer> lowered = Map.of(Service.API_GATEWAY, 0, Service.FLOW_RUNNER, 5, Service.KEY_SERVICE, 10,
				Service.DEPLOYMENT_SERVICE, 10, Service.DELIVERY_SERVICE, 10);
		int own = niceness(ProcessHandle.current().pid());

		for (Service service : Service.values()) {
			long pid = this.stack.processes().services().pid(service.module());
			assertThat(niceness(pid)).as(service.module()).isEqualTo(Math.min(LOWEST, own + lowered.get(service)));
			// Under autogroup scheduling each service's session is a CPU group of its
			// own.
			Path group = Path.of("/proc", Long.toString(pid), "autogroup");
			if (Files.exists(group)) {
				assertThat(Files.readString(group).strip()).as(service.module())
					.endsWith("nice " + lowered.get(service));
			}
		}
	}

	/** Field 19 of {@code /proc/<pid>/stat}, counted after the command name. */
	private static int niceness(long pid) throws IOException {
		String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
		String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return Integer.parseInt(afterName[16]);
	}

}
