package dev.flowgate.gateway.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import static org.awaitility.Awaitility.await;

/**
 * The triggers published on {@code flowgate.executions.requested} from the moment this is
 * opened, read up to the topic's end offsets when asked: what a refused call published is
 * there once a valid control call through the same replica was answered after it, since
 * the gateway answers a trigger only once Kafka acknowledged it, and the broker handles a
 * producer's requests in the order sent. Nothing is waited for that should not come.
 */
public final class PublishedTriggers implements AutoCloseable {

	private static final Duration READ_LIMIT = Duration.ofSeconds(30);

	private static final Duration POLL = Duration.ofMillis(100);

	private final KafkaConsumer<String, String> consumer;

	private final List<ExecutionRequested> read = new ArrayList<>();

	private PublishedTriggers(KafkaConsumer<String, String> consumer) {
		this.consumer = consumer;
	}

	/** Counts from now on. */
	public static PublishedTriggers fromNow(TestStack stack) {
		return new PublishedTriggers(TopicTail.open(stack.bootstrapServers, Topics.EXECUTIONS_REQUESTED));
	}

	/**
	 * The execution ids of a deployment's triggers published since this was opened, up to
	 * the end offsets now, in the order read.
	 */
	public List<String> executionIds(String deploymentId) {
		readToTheEnd();
		return this.read.stream()
			.filter((trigger) -> trigger.deploymentId().equals(deploymentId))
			.map(ExecutionRequested::executionId)
			.toList();
	}

	private void readToTheEnd() {
		Map<TopicPartition, Long> end = this.consumer.endOffsets(this.consumer.assignment());
		// Polled here: a consumer is for one thread at a time.
		await().atMost(READ_LIMIT).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(POLL).until(() -> {
			for (ConsumerRecord<String, String> record : this.consumer.poll(POLL)) {
				this.read.add((ExecutionRequested) Http.JSON.readValue(record.value(), FlowgateEvent.class));
			}
			return end.entrySet()
				.stream()
				.allMatch((partition) -> this.consumer.position(partition.getKey()) >= partition.getValue());
		});
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
