package dev.flowgate.gateway.domain.trigger;

import java.util.concurrent.CompletableFuture;

import dev.flowgate.contracts.ExecutionRequested;

/** Where accepted triggers go (Kafka). */
public interface TriggerPublisher {

	/** Completes once the trigger is durably stored, exceptionally if it may not be. */
	CompletableFuture<Void> publish(ExecutionRequested trigger);

}
