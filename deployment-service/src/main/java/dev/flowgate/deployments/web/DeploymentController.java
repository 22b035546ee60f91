package dev.flowgate.deployments.web;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.flowgate.internal.InternalHeaders;
import dev.flowgate.deployments.config.FlowgateProperties;
import dev.flowgate.deployments.domain.ResultPage;
import dev.flowgate.deployments.domain.deployment.Deployment;
import dev.flowgate.deployments.domain.deployment.DeploymentService;
import dev.flowgate.deployments.domain.deployment.DeploymentSummary;

/**
 * Each answer with one deployment carries its version as a strong {@code ETag}: a write
 * with an {@code If-Match} naming another is refused (412), and a read whose
 * {@code If-None-Match} names it answers 304 (Spring does that for a GET's ETag).
 */
@RestController
@RequestMapping("/v1/deployments")
class DeploymentController {

	private final DeploymentService deployments;

	private final String publicBase;

	DeploymentController(DeploymentService deployments, FlowgateProperties properties) {
		this.deployments = deployments;
		this.publicBase = properties.publicBase();
	}

	@PostMapping
	@Idempotent
	ResponseEntity<DeploymentResource> create(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId,
			@RequestBody DeploymentRequest request) {
		Deployment created = this.deployments.create(ownerId, request.flowId(), request.toChanges());
		return ResponseEntity.created(URI.create("/v1/deployments/" + created.id()))
			.eTag(EntityTags.of(created.version()))
			.body(resource(created));
	}

	@GetMapping
	DeploymentResource.Page list(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
		ResultPage<DeploymentSummary> page = this.deployments.page(ownerId, cursor, limit);
		return new DeploymentResource.Page(
				page.items().stream().map((item) -> DeploymentResource.of(item, this.publicBase)).toList(),
				page.nextCursor());
	}

	@GetMapping("/{deploymentId}")
	ResponseEntity<DeploymentResource> get(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId,
			@PathVariable String deploymentId) {
		return tagged(this.deployments.get(ownerId, deploymentId));
	}

	@PatchMapping("/{deploymentId}")
	ResponseEntity<DeploymentResource> update(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId,
			@PathVariable String deploymentId, @RequestBody DeploymentRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return tagged(
				this.deployments.update(ownerId, deploymentId, request.toChanges(), EntityTags.expected(ifMatch)));
	}

	@DeleteMapping("/{deploymentId}")
	ResponseEntity<Void> delete(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId,
			@PathVariable String deploymentId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		this.deployments.delete(ownerId, deploymentId, EntityTags.expected(ifMatch));
		return ResponseEntity.noContent().build();
	}

	private ResponseEntity<DeploymentResource> tagged(Deployment deployment) {
		return ResponseEntity.ok().eTag(EntityTags.of(deployment.version())).body(resource(deployment));
	}

	private DeploymentResource resource(Deployment deployment) {
		return DeploymentResource.of(deployment, this.publicBase);
	}

}
