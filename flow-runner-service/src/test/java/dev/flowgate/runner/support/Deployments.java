package dev.flowgate.runner.support;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.DeploymentEnvironment;
import dev.flowgate.contracts.DeploymentLimits;
import dev.flowgate.contracts.DeploymentMode;
import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.contracts.Topics;
import dev.flowgate.contracts.TriggerSource;
import dev.flowgate.runner.domain.deployment.DeploymentView;

import static org.awaitility.Awaitility.await;

/** Deployments and triggers for tests. */
public final class Deployments {

	public static final int FLOW_VERSION = 3;

	private static final Duration VIEW_WAIT = Duration.ofSeconds(30);

	private Deployments() {
	}

	/** A deployment whose flow answers {@code {echo: inputs.text}}. */
	public static DeploymentStateChanged echo(String deploymentId, String ownerId) {
		return of(deploymentId, ownerId,
				Flows.flow().input("text").output("echo", "{{input.text}}").edge("text", "echo").build(),
				new DeliveryTarget("https://hooks.example.com/flow", null, false));
	}

	/**
	 * Publishes a deployment and waits until the runner's view holds it, so a trigger
	 * sent next does not depend on how soon the view's consumer reads it.
	 */
	public static void deploy(KafkaTestClient kafka, DeploymentView view, DeploymentStateChanged deployment) {
		kafka.publish(Topics.DEPLOYMENTS, deployment.deploymentId(), deployment);
		await().atMost(VIEW_WAIT).until(() -> view.find(deployment.deploymentId()).isPresent());
	}

	public static DeploymentStateChanged of(String deploymentId, String ownerId, FlowDefinition flow,
			DeliveryTarget delivery) {
		return new DeploymentStateChanged(UUID.randomUUID(), DeploymentStateChanged.SCHEMA_VERSION, Instant.now(),
				deploymentId, ownerId, "test deployment", "flow-" + deploymentId, FLOW_VERSION, flow,
				DeploymentMode.ASYNC, DeploymentEnvironment.PRODUCTION, true, 30, delivery, DeploymentLimits.NONE);
	}

	public static ExecutionRequested trigger(String executionId, DeploymentStateChanged deployment,
			Map<String, Object> inputs) {
		return trigger(executionId, deployment.deploymentId(), deployment.ownerId(), inputs, null);
	}

	/**
	 * {@code count} triggers of the deployment by execution id, in order; the n-th with
	 * {@code inputs.apply(n)}.
	 */
	public static Map<String, ExecutionRequested> triggers(DeploymentStateChanged deployment, int count,
			IntFunction<Map<String, Object>> inputs) {
		Map<String, ExecutionRequested> triggers = new LinkedHashMap<>();
		for (int n = 0; n < count; n++) {
			String executionId = UUID.randomUUID().toString();
			triggers.put(executionId, trigger(executionId, deployment, inputs.apply(n)));
		}
		return triggers;
	}

	public static ExecutionRequested trigger(String executionId, String deploymentId, String ownerId,
			Map<String, Object> inputs, String callbackUrl) {
		return new ExecutionRequested(UUID.randomUUID(), ExecutionRequested.SCHEMA_VERSION, Instant.now(), executionId,
				ownerId, deploymentId, FLOW_VERSION, "key-1", TriggerSource.NATIVE, DeploymentMode.ASYNC, inputs,
				"gw-test", Instant.now().plusSeconds(60), callbackUrl, null, null, null);
	}

}
