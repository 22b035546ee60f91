package dev.flowgate.runner.messaging;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.flowgate.runner.config.RunnerProperties;
import dev.flowgate.runner.messaging.TakeoverScans.Takeover;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import org.springframework.stereotype.Component;

/**
 * The trigger partitions this runner holds. A partition taken over holds its triggers
 * back until it is known which already have a result: the first one to arrive starts that
 * look, from its own offset (the first uncommitted one), and pauses the partition.
 */
@Component
class PartitionStates {

	private static final Logger logger = LoggerFactory.getLogger(PartitionStates.class);

	private final Map<TopicPartition, PartitionState> states = new ConcurrentHashMap<>();

	private final TriggerConsumption consumption;

	private final TakeoverScans scans;

	private final int remembered;

	PartitionStates(TriggerConsumption consumption, TakeoverScans scans, RunnerProperties properties) {
		this.consumption = consumption;
		this.scans = scans;
		this.remembered = properties.triggers().rememberedPerPartition();
	}

	synchronized void assigned(TopicPartition partition) {
		revoke(this.states.put(partition, new PartitionState(this.remembered)));
	}

	/**
	 * Whether the trigger must wait for the look at its partition's earlier results (see
	 * {@link PartitionState#holdsBack}). Called on the consumer thread.
	 * @param state the trigger's partition, from {@link #of}
	 */
	boolean holdsBack(PartitionState state, ConsumerRecord<?, ?> trigger, Consumer<?, ?> consumer) {
		if (!state.holdsBack(trigger, consumer)) {
			return false;
		}
		if (state.startsLook()) {
			TopicPartition partition = new TopicPartition(trigger.topic(), trigger.partition());
			this.consumption.pausePartition(partition);
			this.scans.start(new Takeover(partition, trigger.offset(), state), this::scanned);
		}
		return true;
	}

	/** The partition's earlier results are known: its triggers may run. */
	private synchronized void scanned(Takeover takeover, Set<String> publishedBefore) {
		TopicPartition partition = takeover.partition();
		if (this.states.get(partition) != takeover.state()) {
			return;
		}
		takeover.state().scanned(publishedBefore);
		this.consumption.resumePartition(partition);
		logger.info("Took over {} at offset {}; {} results published since then (less the skew margin)", partition,
				takeover.firstUncommitted(), publishedBefore.size());
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
