package dev.flowgate.gateway.messaging;

import java.util.List;
import java.util.Map;

import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.gateway.domain.trigger.InFlightExecutions;
import dev.flowgate.gateway.domain.view.Readiness;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.PartitionOffset;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Reads every execution result, from the end at start and without a consumer group, so
 * each replica sees all results and answers the sync calls it holds.
 * <p>
 * Results arrive as bytes, by the poll, and one is decoded only when a call on this
 * replica waits for it (its key is the execution id): every replica reads every result,
 * and decoding them all took a tenth of the gateway's CPU under async load. A result that
 * cannot be decoded is not dead-lettered here (each replica would do it again) but by the
 * services that own the results; the call waiting for it answers 202 at its timeout.
 */
@Component
class ExecutionResultsListener implements ConsumerSeekAware {

	private final InFlightExecutions inFlight;

	private final Readiness readiness;

	private final JsonMapper mapper;

	ExecutionResultsListener(InFlightExecutions inFlight, Readiness readiness, JsonMapper mapper) {
		this.inFlight = inFlight;
		this.readiness = readiness;
		this.mapper = mapper;
	}

	@KafkaListener(id = "gateway-execution-results", idIsGroup = false, batch = "true",
			properties = "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer",
			topicPartitions = @org.springframework.kafka.annotation.TopicPartition(
					topic = ListenedTopics.EXECUTIONS_COMPLETED,
					partitionOffsets = @PartitionOffset(partition = ListenedTopics.EXECUTIONS_COMPLETED_PARTITIONS,
							initialOffset = "0", seekPosition = "END")))
	void onExecutionsCompleted(List<ConsumerRecord<String, byte[]>> results) {
		LazyEvents.each(results, this.mapper, ExecutionCompleted.class, this.inFlight::completed);
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		// The positions are resolved by now: every result written from here on is read.
		this.readiness.resultsListening();
	}

}
