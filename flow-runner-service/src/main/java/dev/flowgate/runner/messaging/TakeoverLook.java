package dev.flowgate.runner.messaging;

import java.util.Set;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;

/**
 * A taken-over partition's look for the results published before the takeover: until it
 * is done, the partition's triggers are held back, so that none whose result is already
 * out runs again.
 */
final class TakeoverLook {

	private static final long NOT_HELD = -1;

	/** {@code null} until the look for results published before the takeover is done. */
	private volatile Set<String> publishedBefore;

	/** The first trigger held back; read and written on the consumer thread. */
	private long heldFrom = NOT_HELD;

	/** Whether the look was asked for; consumer thread. */
	private boolean lookStarted;

	void scanned(Set<String> publishedBefore) {
		this.publishedBefore = Set.copyOf(publishedBefore);
	}

	private boolean awaitsScan() {
		return this.publishedBefore == null;
	}

	/**
	 * Whether the trigger must wait until the results published before are known. If so,
	 * the consumer is sent back to the first trigger held back, unless it is there
	 * already: every trigger from there on comes again once they are known, whatever
	 * moved the consumer meanwhile (an error handler's seek, say). Triggers held back
	 * that retention deleted meanwhile give their place to the oldest one left. Called on
	 * the consumer thread.
	 */
	boolean holdsBack(ConsumerRecord<?, ?> trigger, Consumer<?, ?> consumer) {
		if (this.heldFrom == NOT_HELD && !awaitsScan()) {
			return false;
		}
		TopicPartition partition = new TopicPartition(trigger.topic(), trigger.partition());
		if (trigger.offset() > this.heldFrom && this.heldFrom != NOT_HELD
				&& consumer.position(partition) != this.heldFrom && heldTriggersDeleted(partition, consumer)) {
			// The consumer started over at the oldest trigger left: this one.
			this.heldFrom = trigger.offset();
		}
		if (trigger.offset() == this.heldFrom && !awaitsScan()) {
			this.heldFrom = NOT_HELD;
			return false;
		}
		if (this.heldFrom == NOT_HELD || trigger.offset() < this.heldFrom) {
			this.heldFrom = trigger.offset();
		}
		if (consumer.position(partition) != this.heldFrom) {
			consumer.seek(partition, this.heldFrom);
		}
		return true;
	}

	/**
	 * Whether retention deleted the first trigger held back meanwhile; sent back to it,
	 * the consumer would start over at the oldest trigger left, again and again. Asks the
	 * broker, which only a consumer moved past that trigger comes to.
	 */
	private boolean heldTriggersDeleted(TopicPartition partition, Consumer<?, ?> consumer) {
		try {
			Long oldest = consumer.beginningOffsets(Set.of(partition)).get(partition);
			return oldest != null && oldest > this.heldFrom;
		}
		catch (RetriableException ex) {
			// Sent back to it again, the consumer asks once more.
			return false;
		}
	}

	/**
	 * Whether the look must be asked for now: once, with the first trigger held back,
	 * which is the first uncommitted one. Called on the consumer thread.
	 */
	boolean startsLook() {
		if (this.lookStarted || !awaitsScan()) {
			return false;
		}
		this.lookStarted = true;
		return true;
	}

	boolean hasResult(String executionId) {
		Set<String> published = this.publishedBefore;
		return executionId != null && published != null && published.contains(executionId);
	}

}
