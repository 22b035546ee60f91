package dev.flowgate.gateway.messaging;

import java.util.Map;

import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.gateway.domain.trigger.InFlightExecutions;
import dev.flowgate.gateway.domain.view.Readiness;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.PartitionOffset;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Reads every execution result, from the end at start and without a consumer group, so
 * each replica sees all results and answers the sync calls it holds.
 */
@Component
class ExecutionResultsListener implements ConsumerSeekAware {

	private final InFlightExecutions inFlight;

	private final Readiness readiness;

	ExecutionResultsListener(InFlightExecutions inFlight, Readiness readiness) {
		this.inFlight = inFlight;
		this.readiness = readiness;
	}

	@KafkaListener(id = "gateway-execution-results", idIsGroup = false,
			topicPartitions = @org.springframework.kafka.annotation.TopicPartition(
					topic = ListenedTopics.EXECUTIONS_COMPLETED,
					partitionOffsets = @PartitionOffset(partition = ListenedTopics.EXECUTIONS_COMPLETED_PARTITIONS,
							initialOffset = "0", seekPosition = "END")))
	void onExecutionCompleted(ExecutionCompleted result) {
		this.inFlight.completed(result);
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		// The positions are resolved by now: every result written from here on is read.
		this.readiness.resultsListening();
	}

}
