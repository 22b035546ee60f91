package dev.flowgate.runner.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import dev.flowgate.contracts.Topics;
import dev.flowgate.runner.config.RunnerProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Finds the results already published for a trigger partition's uncommitted triggers.
 * Triggers and results share key and partition count, so trigger partition p's results
 * are all in results partition p, and none is older than its trigger. Reading results
 * partition p from the first uncommitted trigger's timestamp (less a margin for clock
 * skew) to its end therefore finds every result a previous owner published but did not
 * get to commit.
 */
@Component
class CompletedResultScanner {

	private static final Duration POLL = Duration.ofMillis(200);

	/**
	 * The look reads up to ends it knows. A fetch the broker holds at an end, waiting for
	 * more, delays the offset requests queued behind it on the connection (half a second
	 * by default, for every partition looked at).
	 */
	private static final Duration FETCH_WAIT = Duration.ofMillis(10);

	private final Map<String, Object> consumerConfig;

	private final Duration margin;

	private final Duration stallTimeout;

	CompletedResultScanner(ConsumerFactory<Object, Object> consumers, RunnerProperties properties) {
		this.consumerConfig = new HashMap<>(consumers.getConfigurationProperties());
		this.consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
		this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		this.consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "flow-runner-result-scan");
		this.consumerConfig.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) FETCH_WAIT.toMillis());
		this.margin = properties.triggers().resultScanMargin();
		this.stallTimeout = properties.triggers().resultScanTimeout();
	}

	/** A look at the results topic, over one consumer; closed when done. */
	Look open() {
		return new Look(
				new KafkaConsumer<>(this.consumerConfig, new StringDeserializer(), new ByteArrayDeserializer()));
	}

	/** One consumer reading results for partitions taken over, one after the other. */
	final class Look implements AutoCloseable {

		private final KafkaConsumer<String, byte[]> consumer;

		Look(KafkaConsumer<String, byte[]> consumer) {
			this.consumer = consumer;
		}

		/**
		 * The execution ids with a result published at or after the trigger at the given
		 * offset of trigger partition {@code triggers}.
		 * @throws RuntimeException when the results could not be read to their end (the
		 * broker did not answer, or stopped sending): taking the partition for one
		 * without results would run its triggers twice
		 */
		Set<String> publishedSince(TopicPartition triggers, long offset) {
			OptionalLong since = timestampAt(this.consumer, triggers, offset);
			TopicPartition results = new TopicPartition(Topics.EXECUTIONS_COMPLETED.name(), triggers.partition());
			return since.isEmpty() ? Set.of() : keysSince(this.consumer, results,
					since.getAsLong() - CompletedResultScanner.this.margin.toMillis());
		}

		@Override
		public void close() {
			this.consumer.close();
		}

	}

	/** Empty when there is no trigger at or after the offset. */
	private OptionalLong timestampAt(KafkaConsumer<String, byte[]> consumer, TopicPartition triggers, long offset) {
		consumer.assign(List.of(triggers));
		long end = consumer.endOffsets(List.of(triggers)).get(triggers);
		if (offset >= end) {
			return OptionalLong.empty();
		}
		consumer.seek(triggers, offset);
		Instant giveUpAt = Instant.now().plus(this.stallTimeout);
		while (Instant.now().isBefore(giveUpAt)) {
			ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
			if (!records.isEmpty()) {
				return OptionalLong.of(records.iterator().next().timestamp());
			}
		}
		throw new ScanStalledException(triggers, offset);
	}

	private Set<String> keysSince(KafkaConsumer<String, byte[]> consumer, TopicPartition results, long timestamp) {
		consumer.assign(List.of(results));
		OffsetAndTimestamp start = consumer.offsetsForTimes(Map.of(results, Math.max(0, timestamp))).get(results);
		if (start == null) {
			return Set.of();
		}
		long end = consumer.endOffsets(List.of(results)).get(results);
		consumer.seek(results, start.offset());
		Set<String> keys = new HashSet<>();
		Instant giveUpAt = Instant.now().plus(this.stallTimeout);
		while (consumer.position(results) < end) {
			if (Instant.now().isAfter(giveUpAt)) {
				throw new ScanStalledException(results, consumer.position(results));
			}
			ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
			if (!records.isEmpty()) {
				giveUpAt = Instant.now().plus(this.stallTimeout);
				records.forEach((result) -> keys.add(result.key()));
			}
		}
		keys.remove(null);
		return keys;
	}

	private static final class ScanStalledException extends RuntimeException {

		ScanStalledException(TopicPartition partition, long offset) {
			super("no record of " + partition + " arrived from offset " + offset);
		}

	}

}
