package dev.flowgate.deployments.domain.execution;

/**
 * Durably queues a replay: once {@link #enqueue} returns, its trigger is stored and will
 * be published even if this service crashes before sending it.
 */
public interface ReplayQueue {

	void enqueue(ExecutionRecord replay);

}
