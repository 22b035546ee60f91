package dev.flowgate.deployments.persistence;

import org.springframework.stereotype.Component;

import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.deployments.domain.deployment.Deployment;

/** Converts between deployments and their documents. */
@Component
class DeploymentMapper {

	private final JsonText json;

	DeploymentMapper(JsonText json) {
		this.json = json;
	}

	/** A new document, not yet published. */
	DeploymentDocument toDocument(Deployment deployment) {
		return new DeploymentDocument(deployment.id(), deployment.ownerId(), deployment.name(), deployment.flowId(),
				deployment.flowVersion(), this.json.write(deployment.flow()), deployment.mode(),
				deployment.environment(), deployment.enabled(), deployment.syncTimeoutSeconds(), deployment.delivery(),
				deployment.limits(), deployment.version(), 0, false, null, deployment.createdAt(),
				deployment.updatedAt(), true);
	}

	Deployment toDomain(DeploymentDocument document) {
		return new Deployment(document.id(), document.ownerId(), document.name(), document.flowId(),
				document.flowVersion(), this.json.read(document.flowJson(), FlowDefinition.class), document.mode(),
				document.environment(), document.enabled(), document.syncTimeoutSeconds(), document.delivery(),
				document.limits(), document.version(), document.createdAt(), document.updatedAt());
	}

}
