package dev.flowgate.gateway.messaging;

import java.util.List;

import dev.flowgate.contracts.RateLimitRequestsCounted;
import dev.flowgate.gateway.domain.limit.RateLimits;
import dev.flowgate.gateway.domain.trigger.TriggerSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.PartitionOffset;
import org.springframework.kafka.annotation.TopicPartition;
import org.springframework.stereotype.Component;

/**
 * Counts the requests the other replicas counted against rate limits. Read from the end
 * at start and without a consumer group, so each replica reads every other's counts; its
 * own (the record key is the replica's id) are skipped undecoded.
 */
@Component
class RateLimitCountsListener {

	private final RateLimits limits;

	private final String gatewayId;

	private final JsonMapper mapper;

	private final Counter received;

	RateLimitCountsListener(RateLimits limits, TriggerSettings settings, JsonMapper mapper, MeterRegistry meters) {
		this.limits = limits;
		this.gatewayId = settings.instanceId();
		this.mapper = mapper;
		this.received = RateLimitSharing.counter(meters, "received");
	}

	@KafkaListener(id = "gateway-rate-limit-counts", idIsGroup = false, batch = "true",
			properties = "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer",
			topicPartitions = @TopicPartition(topic = ListenedTopics.RATE_LIMITS,
					partitionOffsets = @PartitionOffset(partition = ListenedTopics.RATE_LIMITS_PARTITIONS,
							initialOffset = "0", seekPosition = "END")))
	void onCounts(List<ConsumerRecord<String, byte[]>> records) {
		LazyEvents.each(records, this.mapper, RateLimitRequestsCounted.class, (gatewayId, event) -> {
			if (!this.gatewayId.equals(gatewayId)) {
				RateLimitRequestsCounted counts = event.get();
				this.limits.countedElsewhere(counts.counted());
				this.received.increment(RateLimitSharing.requests(counts.counted()));
			}
		});
	}

}
