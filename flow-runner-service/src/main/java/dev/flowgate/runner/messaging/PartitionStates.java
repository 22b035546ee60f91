package dev.flowgate.runner.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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

	private final Duration revokeDrain;

	PartitionStates(TriggerConsumption consumption, TakeoverScans scans, RunnerProperties properties) {
		this.consumption = consumption;
		this.scans = scans;
		this.remembered = properties.triggers().rememberedPerPartition();
		this.revokeDrain = properties.triggers().revokeDrain();
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

	/**
	 * The partition is another runner's already: its executions are cancelled at once and
	 * nothing more is published for it.
	 */
	synchronized void revoked(TopicPartition partition) {
		PartitionState state = this.states.remove(partition);
		int cancelled = (state != null) ? state.revoke() : 0;
		if (cancelled > 0) {
			logger.info("Lost {}: {} executions in flight cancelled for the next owner", partition, cancelled);
		}
	}

	/**
	 * Gives the partitions up while this runner is healthy (it stops, or a runner joins
	 * or leaves the group). Called on the consumer thread, so no trigger of theirs starts
	 * any more; their executions in flight may finish and publish their results, within
	 * {@code revokeDrain} for all of them together, and the container commits what they
	 * acknowledged right after. Only the rest is cancelled, for the next owner to run
	 * again. Should a commit be skipped all the same (the consumer woken up meanwhile),
	 * the next owner's look for published results skips those triggers.
	 */
	void drain(Collection<TopicPartition> partitions) {
		List<PartitionState> leaving = remove(partitions);
		int inFlight = leaving.stream().mapToInt(PartitionState::runningCount).sum();
		if (inFlight > 0) {
			awaitDrained(leaving);
		}
		int cancelled = leaving.stream().mapToInt(PartitionState::revoke).sum();
		if (inFlight > 0) {
			logger.info(
					"Gave up {}: {} of {} executions in flight finished, {} cancelled for the next owner (drain bound {})",
					partitions, inFlight - cancelled, inFlight, cancelled, this.revokeDrain);
		}
	}

	/**
	 * After the commit: a resume wakes the consumer up, and a woken commit is skipped.
	 */
	void released(Collection<TopicPartition> partitions) {
		// The container keeps a pause request after the partition is gone.
		partitions.forEach(this.consumption::resumePartition);
	}

	private synchronized List<PartitionState> remove(Collection<TopicPartition> partitions) {
		List<PartitionState> removed = new ArrayList<>();
		for (TopicPartition partition : partitions) {
			PartitionState state = this.states.remove(partition);
			if (state != null) {
				removed.add(state);
			}
		}
		return removed;
	}

	/** One deadline for all: a runner stopping gives up every partition at once. */
	private void awaitDrained(List<PartitionState> leaving) {
		long deadline = System.nanoTime() + this.revokeDrain.toNanos();
		try {
			for (PartitionState state : leaving) {
				state.awaitDrained(Duration.ofNanos(deadline - System.nanoTime()));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
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
