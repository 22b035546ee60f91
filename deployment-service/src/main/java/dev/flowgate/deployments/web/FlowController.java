package dev.flowgate.deployments.web;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.flowgate.internal.InternalHeaders;
import dev.flowgate.deployments.domain.flow.FlowService;
import dev.flowgate.deployments.domain.flow.FlowVersion;

/**
 * Each answer with one flow version carries its number as a strong {@code ETag}
 * ({@code "3"}); the flow's is its latest version's. A {@code PUT} with an
 * {@code If-Match} naming another than the latest is refused (412).
 */
@RestController
@RequestMapping("/v1/flows")
class FlowController {

	private final FlowService flows;

	FlowController(FlowService flows) {
		this.flows = flows;
	}

	@PostMapping
	@Idempotent
	ResponseEntity<FlowResource> create(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId,
			@RequestBody FlowRequest request) {
		FlowVersion created = this.flows.create(ownerId, request.toDraft());
		return ResponseEntity.created(URI.create("/v1/flows/" + created.flowId()))
			.eTag(EntityTags.of(created.version()))
			.body(FlowResource.of(created));
	}

	@GetMapping
	FlowResource.Page list(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
		return FlowResource.Page.of(this.flows.list(ownerId, cursor, limit));
	}

	@GetMapping("/{flowId}")
	ResponseEntity<FlowResource> get(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId,
			@PathVariable String flowId) {
		return tagged(this.flows.latest(ownerId, flowId));
	}

	@PutMapping("/{flowId}")
	@Idempotent
	ResponseEntity<FlowResource> update(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId,
			@PathVariable String flowId, @RequestBody FlowRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return tagged(this.flows.update(ownerId, flowId, request.toDraft(), EntityTags.expected(ifMatch)));
	}

	@GetMapping("/{flowId}/versions")
	FlowResource.Versions versions(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId, @PathVariable String flowId,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
		return FlowResource.Versions.of(this.flows.versions(ownerId, flowId, cursor, limit));
	}

	@GetMapping("/{flowId}/versions/{version}")
	ResponseEntity<FlowResource> version(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId,
			@PathVariable String flowId, @PathVariable int version) {
		return tagged(this.flows.version(ownerId, flowId, version));
	}

	@DeleteMapping("/{flowId}")
	ResponseEntity<Void> delete(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId, @PathVariable String flowId) {
		this.flows.delete(ownerId, flowId);
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<FlowResource> tagged(FlowVersion version) {
		return ResponseEntity.ok().eTag(EntityTags.of(version.version())).body(FlowResource.of(version));
	}

}
