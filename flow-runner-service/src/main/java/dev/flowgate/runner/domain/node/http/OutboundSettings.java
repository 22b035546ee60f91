package dev.flowgate.runner.domain.node.http;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Limits on the runner's outbound HTTP.
 *
 * @param maxResponseBytes the largest response body read (the file node's default cap)
 * @param allowedHosts the hosts http and file nodes may call; empty allows every host. An
 * allow-list is the SSRF guard: without one a flow can reach whatever the runner can.
 */
public record OutboundSettings(long maxResponseBytes, Set<String> allowedHosts) {

	public OutboundSettings {
		allowedHosts = (allowedHosts != null) ? allowedHosts.stream()
			.map((host) -> host.toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet()) : Set.of();
	}

	public boolean allows(URI uri) {
		return this.allowedHosts.isEmpty()
				|| (uri.getHost() != null && this.allowedHosts.contains(uri.getHost().toLowerCase(Locale.ROOT)));
	}

}
