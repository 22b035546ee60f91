package dev.flowgate.deployments.persistence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.deployments.domain.deployment.Deployment;
import dev.flowgate.deployments.domain.deployment.DeploymentSummary;
import dev.flowgate.deployments.domain.flow.FlowInput;
import dev.flowgate.flowrules.InputType;

/** Converts between deployments and their documents. */
@Component
class DeploymentMapper {

	private static final TypeReference<List<Map<String, Object>>> INPUTS = new TypeReference<>() {
	};

	private final JsonText json;

	DeploymentMapper(JsonText json) {
		this.json = json;
	}

	/** A new document, not yet published. */
	DeploymentDocument toDocument(Deployment deployment) {
		return new DeploymentDocument(deployment.id(), deployment.ownerId(), deployment.name(), deployment.flowId(),
				deployment.flowVersion(), this.json.write(deployment.flow()), inputsJson(deployment.flow()),
				deployment.mode(), deployment.environment(), deployment.enabled(), deployment.syncTimeoutSeconds(),
				deployment.delivery(), deployment.limits(), deployment.version(), 0, false, null,
				deployment.createdAt(), deployment.updatedAt(), true);
	}

	Deployment toDomain(DeploymentDocument document) {
		return new Deployment(document.id(), document.ownerId(), document.name(), document.flowId(),
				document.flowVersion(), flow(document.flowJson()), document.mode(), document.environment(),
				document.enabled(), document.syncTimeoutSeconds(), document.delivery(), document.limits(),
				document.version(), document.createdAt(), document.updatedAt());
	}

	/** A document read without its flow, with its inputs. */
	DeploymentSummary toSummary(DeploymentDocument document) {
		return new DeploymentSummary(document.id(), document.ownerId(), document.name(), document.flowId(),
				document.flowVersion(), inputs(document.inputsJson()), document.mode(), document.environment(),
				document.enabled(), document.syncTimeoutSeconds(), document.delivery(), document.limits(),
				document.version(), document.createdAt(), document.updatedAt());
	}

	FlowDefinition flow(String flowJson) {
		return this.json.read(flowJson, FlowDefinition.class);
	}

	/** Plain members, so that reading them back needs no knowledge of the input type. */
	String inputsJson(FlowDefinition flow) {
		return this.json.write(FlowInput.of(flow).stream().map(DeploymentMapper::members).toList());
	}

	private static Map<String, Object> members(FlowInput input) {
		Map<String, Object> members = new LinkedHashMap<>();
		members.put("nodeId", input.nodeId());
		members.put("name", input.name());
		members.put("type", input.type().token());
		members.put("required", input.required());
		members.put("testValue", input.testValue());
		return members;
	}

	private List<FlowInput> inputs(String inputsJson) {
		return this.json.read(inputsJson, INPUTS)
			.stream()
			.map((members) -> new FlowInput((String) members.get("nodeId"), (String) members.get("name"),
					InputType.of((String) members.get("type")).orElse(InputType.TEXT),
					Boolean.TRUE.equals(members.get("required")), members.get("testValue")))
			.toList();
	}

}
