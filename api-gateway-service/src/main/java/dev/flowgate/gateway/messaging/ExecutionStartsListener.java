package dev.flowgate.gateway.messaging;

import java.util.List;

import dev.flowgate.contracts.ExecutionStarted;
import dev.flowgate.gateway.domain.trigger.InFlightExecutions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.PartitionOffset;
import org.springframework.stereotype.Component;

/**
 * Reads the runners' start notices like the results (every replica, from the end, as
 * bytes decoded only for a call waiting here), so a sync call answered at its timeout
 * says {@code running} rather than {@code queued} once its execution has started. Only
 * executions that run for a while announce their start, so this stream is thin.
 */
@Component
class ExecutionStartsListener {

	private final InFlightExecutions inFlight;

	private final JsonMapper mapper;

	ExecutionStartsListener(InFlightExecutions inFlight, JsonMapper mapper) {
		this.inFlight = inFlight;
		this.mapper = mapper;
	}

	@KafkaListener(id = "gateway-execution-starts", idIsGroup = false, batch = "true",
			properties = "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer",
			topicPartitions = @org.springframework.kafka.annotation.TopicPartition(
					topic = ListenedTopics.EXECUTIONS_STARTED,
					partitionOffsets = @PartitionOffset(partition = ListenedTopics.EXECUTIONS_STARTED_PARTITIONS,
							initialOffset = "0", seekPosition = "END")))
	void onExecutionsStarted(List<ConsumerRecord<String, byte[]>> notices) {
		// The notice is made when the run starts and sent a little later.
		LazyEvents.each(notices, this.mapper, ExecutionStarted.class,
				(executionId, notice) -> this.inFlight.started(executionId, () -> notice.get().occurredAt()));
	}

}
