package dev.flowgate.gateway.messaging;

import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.gateway.domain.deployment.DeploymentView;
import dev.flowgate.gateway.domain.view.Readiness;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.PartitionOffset;
import org.springframework.kafka.annotation.TopicPartition;
import org.springframework.stereotype.Component;

/**
 * Feeds the deployment view: every partition of the compacted deployments topic from the
 * beginning, without a consumer group, so every replica holds every deployment.
 */
@Component
class DeploymentViewListener extends ViewPositions {

	private final DeploymentView deployments;

	DeploymentViewListener(DeploymentView deployments, Readiness readiness) {
		super(readiness.deployments());
		this.deployments = deployments;
	}

	@KafkaListener(id = "gateway-deployment-view", idIsGroup = false,
			topicPartitions = @TopicPartition(topic = ListenedTopics.DEPLOYMENTS,
					partitionOffsets = @PartitionOffset(partition = ListenedTopics.DEPLOYMENTS_PARTITIONS,
							initialOffset = "0", seekPosition = "BEGINNING")),
			properties = ListenedTopics.DEPLOYMENTS_BATCH)
	void onDeploymentState(ConsumerRecord<String, FlowgateEvent> record) {
		this.deployments.apply(record.key(), (DeploymentStateChanged) record.value());
		reached(record.partition(), record.offset() + 1);
	}

}
