package dev.flowgate.gateway.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.DeploymentEnvironment;
import dev.flowgate.contracts.DeploymentLimits;
import dev.flowgate.contracts.DeploymentMode;
import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.contracts.FlowEdge;
import dev.flowgate.contracts.FlowNode;

/**
 * Builds {@link DeploymentStateChanged} events as deployment-service would publish them.
 */
public final class DeploymentStates {

	private String deploymentId = UUID.randomUUID().toString();

	private final String ownerId;

	private String flowId = UUID.randomUUID().toString();

	private final List<FlowNode> nodes = new ArrayList<>();

	private DeploymentMode mode = DeploymentMode.SYNC;

	private DeploymentEnvironment environment = DeploymentEnvironment.PRODUCTION;

	private boolean enabled = true;

	private int syncTimeoutSeconds = 10;

	private DeliveryTarget delivery = DeliveryTarget.NONE;

	private Integer maxConcurrentExecutions;

	private Integer requestsPerMinute;

	private DeploymentStates(String ownerId) {
		this.ownerId = ownerId;
	}

	public static DeploymentStates of(String ownerId) {
		return new DeploymentStates(ownerId);
	}

	public String deploymentId() {
		return this.deploymentId;
	}

	public String flowId() {
		return this.flowId;
	}

	/** Adds an input node: id {@code nodeId}, input name {@code name}. */
	public DeploymentStates input(String nodeId, String name, String inputType, boolean required) {
		this.nodes
			.add(new FlowNode(nodeId, "input", Map.of("name", name, "inputType", inputType, "required", required)));
		return this;
	}

	/** Adds a node of {@code chars} characters of configuration: a large flow. */
	public DeploymentStates largeNode(String nodeId, int chars) {
		this.nodes.add(new FlowNode(nodeId, "transform", Map.of("expression", "x".repeat(chars))));
		return this;
	}

	/** A new state of an existing deployment. */
	public DeploymentStates withId(String deploymentId) {
		this.deploymentId = deploymentId;
		return this;
	}

	public DeploymentStates flowId(String flowId) {
		this.flowId = flowId;
		return this;
	}

	public DeploymentStates mode(DeploymentMode mode) {
		this.mode = mode;
		return this;
	}

	public DeploymentStates environment(DeploymentEnvironment environment) {
		this.environment = environment;
		return this;
	}

	public DeploymentStates enabled(boolean enabled) {
		this.enabled = enabled;
		return this;
	}

	public DeploymentStates syncTimeoutSeconds(int seconds) {
		this.syncTimeoutSeconds = seconds;
		return this;
	}

	public DeploymentStates delivery(DeliveryTarget delivery) {
		this.delivery = delivery;
		return this;
	}

	public DeploymentStates limits(Integer maxConcurrentExecutions, Integer requestsPerMinute) {
		this.maxConcurrentExecutions = maxConcurrentExecutions;
		this.requestsPerMinute = requestsPerMinute;
		return this;
	}

	public DeploymentStateChanged build() {
		List<FlowNode> flowNodes = new ArrayList<>(this.nodes);
		flowNodes.add(new FlowNode("out", "output", Map.of("name", "result", "value", "{{input}}")));
		List<FlowEdge> edges = this.nodes.stream().map((node) -> new FlowEdge(node.id(), "out", null)).toList();
		return new DeploymentStateChanged(UUID.randomUUID(), DeploymentStateChanged.SCHEMA_VERSION, Instant.now(),
				this.deploymentId, this.ownerId, "test deployment", this.flowId, 1,
				new FlowDefinition(flowNodes, edges), this.mode, this.environment, this.enabled,
				this.syncTimeoutSeconds, this.delivery,
				new DeploymentLimits(this.maxConcurrentExecutions, this.requestsPerMinute));
	}

}
