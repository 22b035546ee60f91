package dev.flowgate.gateway.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.gateway.domain.limit.RateLimits;
import dev.flowgate.gateway.domain.limit.SharedLimitCounts;
import dev.flowgate.gateway.domain.view.Readiness;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.PartitionOffset;
import org.springframework.stereotype.Component;

/**
 * Reads the other replicas' limit counts into {@link SharedLimitCounts}. Read without a
 * consumer group, so each replica reads every other's counts, from a minute back at start
 * (a new replica does not start with every limit unused), as bytes decoded only when
 * another replica sent them (the record key is the sender's id).
 */
@Component
class LimitCountsListener extends ViewPositions {

	private final SharedLimitCounts counts;

	private final JsonMapper mapper;

	private final Clock clock;

	LimitCountsListener(SharedLimitCounts counts, JsonMapper mapper, Clock clock, Readiness readiness) {
		super(readiness.limitCounts());
		this.counts = counts;
		this.mapper = mapper;
		this.clock = clock;
	}

	@KafkaListener(id = "gateway-limit-counts", idIsGroup = false, batch = "true",
			properties = "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer",
			topicPartitions = @org.springframework.kafka.annotation.TopicPartition(topic = ListenedTopics.LIMITS,
					partitionOffsets = @PartitionOffset(partition = ListenedTopics.LIMITS_PARTITIONS,
							initialOffset = "0", seekPosition = "END")))
	void onCounts(List<ConsumerRecord<String, byte[]>> records) {
		LazyEvents.eachRecord(records, this.mapper, FlowgateEvent.class,
				(record, event) -> this.counts.received(record.key(), Instant.ofEpochMilli(record.timestamp()), event));
		records.forEach((record) -> reached(record.partition(), record.offset() + 1));
	}

	/**
	 * Back a minute; not reported as reached (the view's way): the positions assigned are
	 * the ends, before this seek.
	 */
	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		callback.seekToTimestamp(assignments.keySet(), this.clock.instant().minus(RateLimits.WINDOW).toEpochMilli());
	}

}
