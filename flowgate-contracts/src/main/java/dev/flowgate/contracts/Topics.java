package dev.flowgate.contracts;

import java.time.Duration;
import java.util.List;

/** Every Flowgate topic, in one place. {@code docs/events.md} describes each. */
public final class Topics {

	/** Key state, compacted. Producer: key-service. Consumer: api-gateway-service. */
	public static final TopicSpec KEYS = new TopicSpec("flowgate.keys", 3, true, Duration.ofDays(1));

	/**
	 * Deployment state, compacted. Producer: deployment-service. Consumers: gateway,
	 * runner.
	 */
	public static final TopicSpec DEPLOYMENTS = new TopicSpec("flowgate.deployments", 3, true, Duration.ofDays(1));

	/**
	 * Deleted owners, compacted and never cleared. Producer: key-service. Consumers:
	 * deployment-service, delivery-service.
	 */
	public static final TopicSpec OWNERS = new TopicSpec("flowgate.owners", 3, true, Duration.ofDays(1));

	/**
	 * Accepted triggers, and requests to cancel them. Producer: gateway (and
	 * deployment-service for replays and cancellations).
	 */
	public static final TopicSpec EXECUTIONS_REQUESTED = new TopicSpec("flowgate.executions.requested", 6, false,
			Duration.ofDays(7));

	/** Runner started an execution. Producer: runner. Consumer: deployment-service. */
	public static final TopicSpec EXECUTIONS_STARTED = new TopicSpec("flowgate.executions.started", 6, false,
			Duration.ofDays(1));

	/**
	 * Execution results. Producer: runner. Consumers: gateway, deployment-service,
	 * delivery.
	 */
	public static final TopicSpec EXECUTIONS_COMPLETED = new TopicSpec("flowgate.executions.completed", 6, false,
			Duration.ofDays(7));

	/** Deliveries that exhausted their attempts. Producer: delivery-service. */
	public static final TopicSpec DELIVERIES_FAILED = new TopicSpec("flowgate.deliveries.failed", 3, false,
			Duration.ofDays(30));

	/**
	 * Trigger calls the gateway refused, counted per deployment. Producer: gateway.
	 * Consumer: deployment-service (usage).
	 */
	public static final TopicSpec TRIGGERS_REJECTED = new TopicSpec("flowgate.triggers.rejected", 3, false,
			Duration.ofDays(1));

	/**
	 * What each gateway replica counted against limits (calls under rate limits,
	 * executions in flight), every second. Producers and consumers: every gateway
	 * replica.
	 */
	public static final TopicSpec LIMITS = new TopicSpec("flowgate.limits", 1, false, Duration.ofHours(1));

	/** Records no consumer could process, with the failure in the headers. */
	public static final TopicSpec DEAD_LETTER = new TopicSpec("flowgate.dead-letter", 1, false, Duration.ofDays(30));

	private Topics() {
	}

	public static List<TopicSpec> all() {
		return List.of(KEYS, DEPLOYMENTS, OWNERS, EXECUTIONS_REQUESTED, EXECUTIONS_STARTED, EXECUTIONS_COMPLETED,
				DELIVERIES_FAILED, TRIGGERS_REJECTED, LIMITS, DEAD_LETTER);
	}

}
