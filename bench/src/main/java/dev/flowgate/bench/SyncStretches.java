package dev.flowgate.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import dev.flowgate.contracts.TopicSpec;
import dev.flowgate.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Where sequential sync calls spend their time, split by the Kafka timestamps of each
 * execution's trigger and result (the producers' clocks, on this machine): in the gateway
 * before the trigger is written, from trigger to result (the runner's pick-up and run),
 * and from the result to the caller's answer. Millisecond resolution, as the timestamps.
 */
final class SyncStretches {

	private static final Duration POLL = Duration.ofMillis(200);

	private final List<Call> calls = new ArrayList<>();

	/** One call: its execution and the caller's clock around it, in epoch millis. */
	record Call(String executionId, long sentAt, long answeredAt) {
	}

	void add(Call call) {
		this.calls.add(call);
	}

	String report(String bootstrap) {
		Map<String, Long> requested = timestamps(bootstrap, Topics.EXECUTIONS_REQUESTED);
		Map<String, Long> completed = timestamps(bootstrap, Topics.EXECUTIONS_COMPLETED);
		List<long[]> rows = new ArrayList<>();
		for (Call call : this.calls) {
			Long trigger = requested.get(call.executionId());
			Long result = completed.get(call.executionId());
			if (trigger != null && result != null) {
				rows.add(new long[] { trigger - call.sentAt(), result - trigger, call.answeredAt() - result });
			}
		}
		return "Where a sequential sync call's time goes (%d calls, p50 / p90 ms): gateway until the trigger is written %s; trigger -> result written (runner) %s; result -> answer %s"
			.formatted(rows.size(), percentiles(rows, (row) -> row[0]), percentiles(rows, (row) -> row[1]),
					percentiles(rows, (row) -> row[2]));
	}

	private static String percentiles(List<long[]> rows, ToLongFunction<long[]> stretch) {
		long[] sorted = rows.stream().mapToLong(stretch).sorted().toArray();
		if (sorted.length == 0) {
			return "-";
		}
		return sorted[sorted.length / 2] + " / " + sorted[(int) (sorted.length * 0.9)];
	}

	/** The first timestamp of each key on the topic. */
	private static Map<String, Long> timestamps(String bootstrap, TopicSpec topic) {
		Map<String, Long> first = new HashMap<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
						StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
						ByteArrayDeserializer.class))) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (int p = 0; p < topic.partitions(); p++) {
				partitions.add(new TopicPartition(topic.name(), p));
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
					first.putIfAbsent(record.key(), record.timestamp());
				}
			}
		}
		return first;
	}

}
