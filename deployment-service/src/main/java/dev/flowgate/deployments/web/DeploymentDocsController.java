package dev.flowgate.deployments.web;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.flowgate.internal.InternalHeaders;
import dev.flowgate.deployments.config.FlowgateProperties;
import dev.flowgate.deployments.domain.deployment.DeploymentService;
import dev.flowgate.deployments.domain.example.ExampleGenerator;
import dev.flowgate.deployments.domain.openapi.OpenApiDocument;

/**
 * What a client developer needs to call a deployment: example code and an OpenAPI file.
 */
@RestController
class DeploymentDocsController {

	private final DeploymentService deployments;

	private final ExampleGenerator examples = new ExampleGenerator();

	private final String publicBase;

	DeploymentDocsController(DeploymentService deployments, FlowgateProperties properties) {
		this.deployments = deployments;
		this.publicBase = properties.publicBase();
	}

	@GetMapping("/v1/deployments/{deploymentId}/examples")
	ExamplesResource examples(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId,
			@PathVariable String deploymentId) {
		return ExamplesResource
			.of(this.examples.generate(this.deployments.get(ownerId, deploymentId), this.publicBase));
	}

	@GetMapping("/v1/deployments/{deploymentId}/openapi.json")
	Map<String, Object> openApi(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId,
			@PathVariable String deploymentId) {
		return OpenApiDocument.of(this.deployments.get(ownerId, deploymentId), this.publicBase);
	}

}
