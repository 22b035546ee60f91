package dev.flowgate.runner.messaging;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.flowgate.runner.config.RunnerProperties;
import org.apache.kafka.common.TopicPartition;

import org.springframework.stereotype.Component;

/** The trigger partitions this runner holds. */
@Component
class PartitionStates {

	private final Map<TopicPartition, PartitionState> states = new ConcurrentHashMap<>();

	private final int remembered;

	PartitionStates(RunnerProperties properties) {
		this.remembered = properties.triggers().rememberedPerPartition();
	}

	void assigned(TopicPartition partition, Set<String> publishedBefore) {
		PartitionState previous = this.states.put(partition, new PartitionState(publishedBefore, this.remembered));
		if (previous != null) {
			previous.revoke();
		}
	}

	void revoked(TopicPartition partition) {
		PartitionState state = this.states.remove(partition);
		if (state != null) {
			state.revoke();
		}
	}

	/**
	 * The partition's state; one without any earlier results if it was never assigned.
	 */
	PartitionState of(String topic, int partition) {
		return this.states.computeIfAbsent(new TopicPartition(topic, partition),
				(key) -> new PartitionState(Set.of(), this.remembered));
	}

}
