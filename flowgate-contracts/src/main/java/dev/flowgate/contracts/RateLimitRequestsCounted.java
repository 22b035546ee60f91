package dev.flowgate.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Requests one gateway replica counted against rate limits since its last such event.
 * Every other replica counts them too, so that a limit holds for all replicas together
 * rather than for each. Key: {@code gatewayId}.
 *
 * @param gatewayId the replica that counted them; it does not count its own again
 * @param counted the requests counted, per limit; each count more than zero
 */
public record RateLimitRequestsCounted(UUID eventId, int schemaVersion, Instant occurredAt, String gatewayId,
		List<Counted> counted) implements FlowgateEvent {

	public static final String TYPE = "limit.requests-counted";

	public static final int SCHEMA_VERSION = 1;

	public RateLimitRequestsCounted {
		counted = (counted != null) ? List.copyOf(counted) : List.of();
	}

	@Override
	public String subjectId() {
		return this.gatewayId;
	}

	/** Whose requests a limit counts. */
	public enum Limit {

		@JsonProperty("key")
		KEY,

		@JsonProperty("deployment")
		DEPLOYMENT;

	}

	/**
	 * @param limit whose limit
	 * @param id the key's or the deployment's id
	 * @param perMinute the limit the requests were counted against
	 * @param requests how many
	 */
	public record Counted(Limit limit, String id, int perMinute, int requests) {
	}

}
