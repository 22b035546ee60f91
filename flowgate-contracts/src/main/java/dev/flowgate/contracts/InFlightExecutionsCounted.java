package dev.flowgate.contracts;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The executions one gateway replica accepted and has not seen finish, for each
 * deployment with a concurrency limit: all of them, so a deployment left out has none.
 * Every other replica counts them against the limit too. Key: {@code gatewayId}.
 *
 * @param gatewayId the replica that counted them
 * @param deployments executions in flight by deployment id, each more than zero
 */
public record InFlightExecutionsCounted(UUID eventId, int schemaVersion, Instant occurredAt, String gatewayId,
		Map<String, Integer> deployments) implements FlowgateEvent {

	public static final String TYPE = "limit.in-flight-counted";

	public static final int SCHEMA_VERSION = 1;

	public InFlightExecutionsCounted {
		deployments = (deployments != null) ? Collections.unmodifiableMap(new TreeMap<>(deployments)) : Map.of();
	}

	@Override
	public String subjectId() {
		return this.gatewayId;
	}

}
