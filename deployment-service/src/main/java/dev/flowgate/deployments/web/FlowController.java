package dev.flowgate.deployments.web;

import java.net.URI;

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

@RestController
@RequestMapping("/v1/flows")
class FlowController {

	private final FlowService flows;

	FlowController(FlowService flows) {
		this.flows = flows;
	}

	@PostMapping
	ResponseEntity<FlowResource> create(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId,
			@RequestBody FlowRequest request) {
		FlowVersion created = this.flows.create(ownerId, request.toDraft());
		return ResponseEntity.created(URI.create("/v1/flows/" + created.flowId())).body(FlowResource.of(created));
	}

	@GetMapping
	FlowResource.Page list(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
		return FlowResource.Page.of(this.flows.list(ownerId, cursor, limit));
	}

	@GetMapping("/{flowId}")
	FlowResource get(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId, @PathVariable String flowId) {
		return FlowResource.of(this.flows.latest(ownerId, flowId));
	}

	@PutMapping("/{flowId}")
	FlowResource update(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId, @PathVariable String flowId,
			@RequestBody FlowRequest request) {
		return FlowResource.of(this.flows.update(ownerId, flowId, request.toDraft()));
	}

	@GetMapping("/{flowId}/versions")
	FlowResource.Versions versions(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId, @PathVariable String flowId,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
		return FlowResource.Versions.of(this.flows.versions(ownerId, flowId, cursor, limit));
	}

	@GetMapping("/{flowId}/versions/{version}")
	FlowResource version(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId, @PathVariable String flowId,
			@PathVariable int version) {
		return FlowResource.of(this.flows.version(ownerId, flowId, version));
	}

	@DeleteMapping("/{flowId}")
	ResponseEntity<Void> delete(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId, @PathVariable String flowId) {
		this.flows.delete(ownerId, flowId);
		return ResponseEntity.noContent().build();
	}

}
