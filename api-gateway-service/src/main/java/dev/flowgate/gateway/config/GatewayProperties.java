package dev.flowgate.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's settings ({@code flowgate.gateway.*}).
 *
 * @param instanceId this replica's id, the {@code replyTo} of its sync triggers; blank
 * picks a random one at start
 * @param adminSecret the platform admin secret, at least 32 characters; blank disables
 * admin routes
 * @param publicUrl the base URL clients use, for absolute {@code Location} headers; blank
 * gives relative ones
 * @param maxBodySize the largest request body accepted
 * @param executionDeadline how long an execution may run before it counts as timed out
 * @param executionGrace how long past its deadline an execution whose result never
 * arrived still counts against its deployment's concurrency
 * @param kafkaRetryAfter the {@code Retry-After} when Kafka did not acknowledge a trigger
 * @param startingRetryAfter the {@code Retry-After} while the views catch up
 * @param stopWait how long a stopping replica lets its sync calls wait for their result
 * before it answers them as unfinished (202, the caller polls); shorter than
 * {@code spring.lifecycle.timeout-per-shutdown-phase}, after which they would be cut
 * @param limitSharing how the replicas tell each other what they counted against limits
 * @param management the limit on management API calls, and their wait for the views
 * @param cors which web pages may call the API from a browser
 * @param redelivery how a view listener tries a record again that failed before it goes
 * to the dead-letter topic
 * @param housekeepingInterval how often the in-flight executions whose result never
 * arrived, other replicas' counts that stopped arriving and refilled rate limit buckets
 * are forgotten
 * @param rejections how the refused trigger calls are sent for usage
 * @param triggerBodiesInFlight the trigger bodies one replica holds at once, from reading
 * to the answer (a sync call keeps its inputs until its result); past it a trigger is
 * refused with 503, so that many large calls at once cannot run the gateway out of memory
 */
@ConfigurationProperties("flowgate.gateway")
public record GatewayProperties(String instanceId, String adminSecret, String publicUrl,
		@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("300s") Duration executionDeadline,
		@DefaultValue("60s") Duration executionGrace, @DefaultValue("5s") Duration kafkaRetryAfter,
		@DefaultValue("1s") Duration startingRetryAfter, @DefaultValue("20s") Duration stopWait,
		@DefaultValue Idempotency idempotency, @DefaultValue Upstreams upstreams,
		@DefaultValue LimitSharing limitSharing, @DefaultValue Management management, @DefaultValue Cors cors,
		@DefaultValue Redelivery redelivery, @DefaultValue("30s") Duration housekeepingInterval,
		@DefaultValue Rejections rejections, @DefaultValue("64MB") DataSize triggerBodiesInFlight) {

	public GatewayProperties {
		requirePositive(housekeepingInterval, "flowgate.gateway.housekeeping-interval");
	}

	/**
	 * @param flushInterval how often the refused calls counted are sent to
	 * {@code flowgate.triggers.rejected}
	 */
	public record Rejections(@DefaultValue("10s") Duration flushInterval) {

		public Rejections {
			requirePositive(flushInterval, "flowgate.gateway.rejections.flush-interval");
		}

	}

	/**
	 * @param allowedOrigins origins (patterns such as {@code https://*.example.com}
	 * allowed) whose pages may call the API; empty: none, browsers refuse cross-origin
	 * calls
	 * @param maxAge how long a browser may keep a preflight's answer
	 */
	public record Cors(@DefaultValue List<String> allowedOrigins, @DefaultValue("1h") Duration maxAge) {
	}

	/**
	 * @param interval how often a replica sends its counts (calls under rate limits,
	 * executions in flight of deployments with a concurrency limit)
	 * @param staleAfter how long another replica's executions in flight still count
	 * without a newer count from it
	 */
	public record LimitSharing(@DefaultValue("1s") Duration interval, @DefaultValue("5s") Duration staleAfter) {
	}

	/**
	 * @param requestsPerMinute the management calls (everything proxied under {@code /v1}
	 * but the admin routes) an owner's keys with {@code manage} access may make together
	 * per minute on each replica, and each key without it alone, a burst up to it
	 * included; 0 or less: no limit
	 * @param viewWait how long a call that created, changed or deleted a key or a
	 * deployment waits for this replica's view to have the change before it is answered
	 * anyway
	 */
	public record Management(@DefaultValue("600") int requestsPerMinute, @DefaultValue("5s") Duration viewWait) {
	}

	/**
	 * @param retention how long this replica remembers an idempotency key it accepted
	 * @param capacity how many it remembers at most
	 * @param maxMemory how much heap their inputs and results may take together (past a
	 * bound the oldest are forgotten first, their repeats answered from the records)
	 */
	public record Idempotency(@DefaultValue("24h") Duration retention, @DefaultValue("100000") int capacity,
			@DefaultValue("64MB") DataSize maxMemory) {
	}

	/**
	 * @param attempts how many times a record is handled, the first included
	 * @param interval the pause between two attempts
	 */
	public record Redelivery(@DefaultValue("3") int attempts, @DefaultValue("200ms") Duration interval) {
	}

	/** Base URLs of the services the management API routes to, and the HTTP timeouts. */
	public record Upstreams(@DefaultValue("http://127.0.0.1:8081") URI keyService,
			@DefaultValue("http://127.0.0.1:8082") URI deploymentService,
			@DefaultValue("http://127.0.0.1:8084") URI deliveryService, @DefaultValue("2s") Duration connectTimeout,
			@DefaultValue("30s") Duration readTimeout) {
	}

	// A scheduler refuses a pause of zero or less: said here, at start, with the name.
	private static void requirePositive(Duration interval, String property) {
		if (interval == null || interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException(property + " must be a duration longer than zero, not " + interval);
		}
	}

}
