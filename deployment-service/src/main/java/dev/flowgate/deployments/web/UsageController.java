package dev.flowgate.deployments.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.flowgate.internal.InternalHeaders;
import dev.flowgate.deployments.domain.usage.UsageOverview;
import dev.flowgate.deployments.domain.usage.UsageReport;
import dev.flowgate.deployments.domain.usage.UsageSeries;
import dev.flowgate.deployments.domain.usage.UsageSeriesService;
import dev.flowgate.deployments.domain.usage.UsageService;

@RestController
class UsageController {

	private final UsageService usage;

	private final UsageSeriesService series;

	UsageController(UsageService usage, UsageSeriesService series) {
		this.usage = usage;
		this.series = series;
	}

	@GetMapping("/v1/deployments/{deploymentId}/usage")
	UsageReport usage(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId, @PathVariable String deploymentId,
			@RequestParam(defaultValue = "24h") String window,
			@RequestParam(name = "key_id", required = false) String keyId) {
		return this.usage.report(ownerId, deploymentId, window, keyId);
	}

	@GetMapping("/v1/deployments/{deploymentId}/usage/series")
	UsageSeries series(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId, @PathVariable String deploymentId,
			@RequestParam(defaultValue = "24h") String window, @RequestParam(required = false) String bucket,
			@RequestParam(name = "key_id", required = false) String keyId) {
		return this.series.of(ownerId, deploymentId, window, bucket, keyId);
	}

	@GetMapping("/v1/usage/series")
	UsageSeries ownerSeries(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId,
			@RequestParam(defaultValue = "24h") String window, @RequestParam(required = false) String bucket,
			@RequestParam(name = "key_id", required = false) String keyId) {
		return this.series.ofOwner(ownerId, window, bucket, keyId);
	}

	@GetMapping("/v1/usage")
	UsageOverview overview(@RequestHeader(InternalHeaders.OWNER_ID) String ownerId,
			@RequestParam(defaultValue = "24h") String window,
			@RequestParam(name = "key_id", required = false) String keyId) {
		return this.usage.overview(ownerId, window, keyId);
	}

}
