package dev.flowgate.gateway.messaging;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.InFlightExecutionsCounted;
import dev.flowgate.contracts.RateLimitRequestsCounted;
import dev.flowgate.gateway.domain.limit.RateLimits;
import dev.flowgate.gateway.domain.trigger.InFlightElsewhere;
import dev.flowgate.gateway.domain.trigger.TriggerSettings;
import dev.flowgate.gateway.domain.view.Readiness;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.PartitionOffset;
import org.springframework.stereotype.Component;

/**
 * Counts against this replica's limits what the other replicas counted against theirs.
 * Read without a consumer group, so each replica reads every other's counts, from a
 * minute back at start (a new replica does not start with every limit unused); those this
 * process sent (the record key is the replica's id) are skipped undecoded.
 */
@Component
class LimitCountsListener extends ViewPositions {

	private final RateLimits limits;

	private final InFlightElsewhere inFlightElsewhere;

	private final String gatewayId;

	private final JsonMapper mapper;

	private final Counter received;

	private final Clock clock;

	/** On the system clock, as Kafka stamps records. */
	private final long startedAtMillis = System.currentTimeMillis();

	LimitCountsListener(RateLimits limits, InFlightElsewhere inFlightElsewhere, TriggerSettings settings,
			JsonMapper mapper, MeterRegistry meters, Clock clock, Readiness readiness) {
		super(readiness.limitCounts());
		this.limits = limits;
		this.inFlightElsewhere = inFlightElsewhere;
		this.gatewayId = settings.instanceId();
		this.mapper = mapper;
		this.received = RateLimitSharing.counter(meters, "received");
		this.clock = clock;
	}

	@KafkaListener(id = "gateway-limit-counts", idIsGroup = false, batch = "true",
			properties = "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer",
			topicPartitions = @org.springframework.kafka.annotation.TopicPartition(topic = ListenedTopics.LIMITS,
					partitionOffsets = @PartitionOffset(partition = ListenedTopics.LIMITS_PARTITIONS,
							initialOffset = "0", seekPosition = "END")))
	void onCounts(List<ConsumerRecord<String, byte[]>> records) {
		List<ConsumerRecord<String, byte[]>> others = records.stream()
			.filter((record) -> !sentByThisProcess(record))
			.toList();
		LazyEvents.each(others, this.mapper, FlowgateEvent.class, (gatewayId, event) -> counted(event.get()));
		records.forEach((record) -> reached(record.partition(), record.offset() + 1));
	}

	/**
	 * Its own id, sent since this process started: a replica restarted under the same id
	 * (a pod's name) still counts what it allowed before.
	 */
	private boolean sentByThisProcess(ConsumerRecord<String, byte[]> record) {
		return this.gatewayId.equals(record.key()) && record.timestamp() >= this.startedAtMillis;
	}

	private void counted(FlowgateEvent event) {
		if (event instanceof RateLimitRequestsCounted counts) {
			this.limits.countedElsewhere(counts.counted(), counts.occurredAt());
			this.received.increment(RateLimitSharing.requests(counts.counted()));
		}
		else if (event instanceof InFlightExecutionsCounted inFlight) {
			this.inFlightElsewhere.counted(inFlight.gatewayId(), inFlight.deployments(), inFlight.occurredAt());
		}
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
