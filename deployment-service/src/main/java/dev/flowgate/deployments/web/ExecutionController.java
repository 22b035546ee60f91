package dev.flowgate.deployments.web;

import java.net.URI;
import java.time.Instant;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.flowgate.internal.InternalHeaders;
import dev.flowgate.deployments.domain.execution.CancellationService;
import dev.flowgate.deployments.domain.execution.ExecutionFilter;
import dev.flowgate.deployments.domain.execution.ExecutionService;
import dev.flowgate.deployments.domain.execution.ReplayService;

@RestController
class ExecutionController {

	private final ExecutionService executions;

	private final ReplayService replays;

	private final CancellationService cancellations;

	ExecutionController(ExecutionService executions, ReplayService replays, CancellationService cancellations) {
		this.executions = executions;
		this.replays = replays;
		this.cancellations = cancellations;
	}

	@GetMapping("/v1/executions/{executionId}")
	ExecutionResource get(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId, @PathVariable String executionId,
			@RequestHeader(name = InternalHeaders.RECORDED_ONLY, defaultValue = "false") boolean recordedOnly) {
		return recordedOnly ? ExecutionResource.withInputsCheck(this.executions.getAsRecorded(ownerId, executionId))
				: ExecutionResource.of(this.executions.get(ownerId, executionId));
	}

	@GetMapping("/v1/deployments/{deploymentId}/executions")
	ExecutionResource.Page list(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId,
			@PathVariable String deploymentId, @RequestParam(required = false) String status,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(name = "key_id", required = false) String keyId,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
		return ExecutionResource.Page.of(this.executions.list(ownerId, deploymentId,
				new ExecutionFilter(status, from, to, keyId), cursor, limit));
	}

	@GetMapping("/v1/executions")
	ExecutionResource.Page listAll(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId,
			@RequestParam(required = false) String status, @RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to, @RequestParam(name = "key_id", required = false) String keyId,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
		return ExecutionResource.Page
			.of(this.executions.listAll(ownerId, new ExecutionFilter(status, from, to, keyId), cursor, limit));
	}

	@PostMapping("/v1/executions/{executionId}/replay")
	@Idempotent
	ResponseEntity<ExecutionResource> replay(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId,
			@PathVariable String executionId) {
		ExecutionResource replay = ExecutionResource.of(this.replays.replay(ownerId, executionId));
		return ResponseEntity.accepted().location(URI.create(replay.links().self())).body(replay);
	}

	/** Accepted: the execution stops once its runner reads the request. */
	@PostMapping("/v1/executions/{executionId}/cancel")
	ResponseEntity<ExecutionResource> cancel(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId,
			@PathVariable String executionId) {
		ExecutionResource execution = ExecutionResource.of(this.cancellations.cancel(ownerId, executionId));
		return ResponseEntity.accepted().location(URI.create(execution.links().self())).body(execution);
	}

}
