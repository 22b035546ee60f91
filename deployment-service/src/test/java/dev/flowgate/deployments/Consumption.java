package dev.flowgate.deployments;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import dev.flowgate.infra.test.TestInfrastructure;

import static org.awaitility.Awaitility.await;

/**
 * Waits until the service's consumer group has processed everything sent so far, so a
 * test can assert that a late or repeated event changed nothing.
 */
public final class Consumption {

	private static final String GROUP = "deployment-service";

	private Consumption() {
	}

	public static void awaitCaughtUp(String... topics) {
		Properties config = new Properties();
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers());
		try (Admin admin = Admin.create(config)) {
			Map<TopicPartition, Long> end = endOffsets(admin, topics);
			// Spring commits after processing: a committed offset at the end means all
			// done.
			await().until(() -> {
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
					.partitionsToOffsetAndMetadata()
					.get();
				return end.entrySet()
					.stream()
					.allMatch((entry) -> entry.getValue() == 0 || (committed.get(entry.getKey()) != null
							&& committed.get(entry.getKey()).offset() >= entry.getValue()));
			});
		}
	}

	private static Map<TopicPartition, Long> endOffsets(Admin admin, String... topics) {
		try {
			return admin.listOffsets(latestOf(admin, topics))
				.all()
				.get()
				.entrySet()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> entry.getValue().offset()));
		}
		catch (InterruptedException | ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<TopicPartition, OffsetSpec> latestOf(Admin admin, String... topics)
			throws InterruptedException, ExecutionException {
		return admin.describeTopics(List.of(topics))
			.allTopicNames()
			.get()
			.values()
			.stream()
			.flatMap((topic) -> topic.partitions()
				.stream()
				.map((partition) -> new TopicPartition(topic.name(), partition.partition())))
			.collect(Collectors.toMap((partition) -> partition, (partition) -> OffsetSpec.latest()));
	}

}
