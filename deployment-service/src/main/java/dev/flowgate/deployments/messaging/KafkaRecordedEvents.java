package dev.flowgate.deployments.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import dev.flowgate.contracts.Topics;
import dev.flowgate.deployments.config.ExecutionProperties;
import dev.flowgate.deployments.domain.execution.RecordedEvents;

/**
 * Tells whether the triggers' or the results' topic is recorded up to its end: this
 * service's consumer group commits a poll's offsets once the poll is stored, so a
 * committed offset at the end offset read now means every event published before now is
 * recorded. Only the partition the execution's events went to counts (their key is the
 * execution id).
 */
@Component
class KafkaRecordedEvents implements RecordedEvents, DisposableBean {

	private static final Map<Kind, String> TOPICS = Map.of(Kind.TRIGGERS, Topics.EXECUTIONS_REQUESTED.name(),
			Kind.RESULTS, Topics.EXECUTIONS_COMPLETED.name());

	private final Admin admin;

	private final Duration wait;

	private final Duration pollInterval;

	private final Map<String, Integer> partitions = new ConcurrentHashMap<>();

	KafkaRecordedEvents(KafkaAdmin kafkaAdmin, ExecutionProperties properties) {
		this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
		this.wait = properties.recordingWait();
		this.pollInterval = properties.recordingPoll();
	}

	@Override
	public boolean awaitRecorded(Kind kind, String executionId, long lookupStarted) {
		long deadline = lookupStarted + this.wait.toNanos();
		try {
			TopicPartition partition = partitionOf(TOPICS.get(kind), executionId, deadline);
			long end = get(this.admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition),
					deadline)
				.offset();
			while (committed(partition, deadline) < end) {
				if (System.nanoTime() + this.pollInterval.toNanos() > deadline) {
					return false;
				}
				Thread.sleep(this.pollInterval.toMillis());
			}
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException | TimeoutException ex) {
			// Kafka cannot tell now: answer from what is recorded.
			return false;
		}
	}

	/** Where the default partitioner puts a record keyed by the execution id. */
	private TopicPartition partitionOf(String topic, String executionId, long deadline)
			throws InterruptedException, ExecutionException, TimeoutException {
		Integer count = this.partitions.get(topic);
		if (count == null) {
			count = get(this.admin.describeTopics(List.of(topic)).topicNameValues().get(topic), deadline).partitions()
				.size();
			this.partitions.put(topic, count);
		}
		byte[] key = executionId.getBytes(StandardCharsets.UTF_8);
		return new TopicPartition(topic, Utils.toPositive(Utils.murmur2(key)) % count);
	}

	private long committed(TopicPartition partition, long deadline)
			throws InterruptedException, ExecutionException, TimeoutException {
		ListConsumerGroupOffsetsSpec onePartition = new ListConsumerGroupOffsetsSpec()
			.topicPartitions(List.of(partition));
		OffsetAndMetadata committed = get(
				this.admin.listConsumerGroupOffsets(Map.of(ListenerGroups.GROUP, onePartition))
					.partitionsToOffsetAndMetadata(ListenerGroups.GROUP),
				deadline)
			.get(partition);
		return (committed != null) ? committed.offset() : 0;
	}

	private static <T> T get(KafkaFuture<T> future, long deadline)
			throws InterruptedException, ExecutionException, TimeoutException {
		return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
	}

	@Override
	public void destroy() {
		this.admin.close();
	}

}
