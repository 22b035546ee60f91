package dev.flowgate.deployments.domain.execution;

/**
 * Durably queues a replay: once {@link #enqueue} returns, its trigger is stored and will
 * be published even if this service crashes before sending it.
 */
public interface ReplayQueue {

	void enqueue(ExecutionRecord replay);

	/**
	 * The replay's trigger was read back from Kafka: it is published, whatever its sender
	 * was told (a send that timed out may still have landed), and must not be sent again.
	 */
	void landed(String executionId);

}
