package dev.flowgate.gateway.messaging;

/**
 * SpEL for the topics and partition ranges in the listener annotations, taken from
 * {@code Topics} so names and partition counts live in one place.
 */
final class ListenedTopics {

	private static final String TOPICS = "T(dev.flowgate.contracts.Topics).";

	static final String KEYS = "#{" + TOPICS + "KEYS.name()}";

	static final String KEYS_PARTITIONS = "0-#{" + TOPICS + "KEYS.partitions() - 1}";

	static final String DEPLOYMENTS = "#{" + TOPICS + "DEPLOYMENTS.name()}";

	static final String DEPLOYMENTS_PARTITIONS = "0-#{" + TOPICS + "DEPLOYMENTS.partitions() - 1}";

	/**
	 * Each deployment state carries its flow (up to about a megabyte decoded): a view
	 * catching up at start decodes this many at a time, not Kafka's default 500.
	 */
	static final String DEPLOYMENTS_BATCH = "max.poll.records=25";

	static final String EXECUTIONS_COMPLETED = "#{" + TOPICS + "EXECUTIONS_COMPLETED.name()}";

	static final String EXECUTIONS_COMPLETED_PARTITIONS = "0-#{" + TOPICS + "EXECUTIONS_COMPLETED.partitions() - 1}";

	static final String EXECUTIONS_STARTED = "#{" + TOPICS + "EXECUTIONS_STARTED.name()}";

	static final String EXECUTIONS_STARTED_PARTITIONS = "0-#{" + TOPICS + "EXECUTIONS_STARTED.partitions() - 1}";

	static final String LIMITS = "#{" + TOPICS + "LIMITS.name()}";

	static final String LIMITS_PARTITIONS = "0-#{" + TOPICS + "LIMITS.partitions() - 1}";

	private ListenedTopics() {
	}

}
