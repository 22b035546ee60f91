package dev.flowgate.runner.messaging;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.flowgate.runner.config.RunnerProperties;
import org.apache.kafka.common.TopicPartition;

import org.springframework.stereotype.Component;

/**
 * The trigger partitions this runner holds. A partition taken over stays paused until it
 * is known which of its triggers already have a result.
 */
@Component
class PartitionStates {

	private final Map<TopicPartition, PartitionState> states = new ConcurrentHashMap<>();

	private final TriggerConsumption consumption;

	private final int remembered;

	PartitionStates(TriggerConsumption consumption, RunnerProperties properties) {
		this.consumption = consumption;
		this.remembered = properties.triggers().rememberedPerPartition();
	}

	/** A partition taken over: paused, its triggers held back until it is scanned. */
	synchronized PartitionState assigned(TopicPartition partition) {
		PartitionState state = new PartitionState(this.remembered);
		revoke(this.states.put(partition, state));
		this.consumption.pausePartition(partition);
		return state;
	}

	/**
	 * The partition's earlier results are known: its triggers may run.
	 * @return whether {@code state} still holds the partition
	 */
	synchronized boolean scanned(TopicPartition partition, PartitionState state, Set<String> publishedBefore) {
		if (this.states.get(partition) != state) {
			return false;
		}
		state.scanned(publishedBefore);
		this.consumption.resumePartition(partition);
		return true;
	}

	synchronized void revoked(TopicPartition partition) {
		revoke(this.states.remove(partition));
		// The container keeps a pause request after the partition is gone.
		this.consumption.resumePartition(partition);
	}

	/**
	 * The partition's state; one without any earlier results if it was never assigned.
	 */
	PartitionState of(String topic, int partition) {
		return this.states.computeIfAbsent(new TopicPartition(topic, partition),
				(key) -> new PartitionState(Set.of(), this.remembered));
	}

	private static void revoke(PartitionState state) {
		if (state != null) {
			state.revoke();
		}
	}

}
