package dev.flowgate.gateway.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.flowgate.contracts.TopicSpec;
import dev.flowgate.contracts.Topics;
import dev.flowgate.gateway.domain.view.Readiness;
import dev.flowgate.gateway.domain.view.ViewProgress;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the end offsets of the view topics once at start, retrying in the background
 * until Kafka answers; the views are caught up when their consumers reach them.
 */
@Component
class ViewEndOffsets implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ViewEndOffsets.class);

	private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);

	private static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);

	private final ConsumerFactory<?, ?> consumerFactory;

	private final Readiness readiness;

	private volatile Thread fetcher;

	ViewEndOffsets(ConsumerFactory<?, ?> consumerFactory, Readiness readiness) {
		this.consumerFactory = consumerFactory;
		this.readiness = readiness;
	}

	@Override
	public void start() {
		Thread thread = new Thread(this::fetchUntilKnown, "view-end-offsets");
		thread.setDaemon(true);
		this.fetcher = thread;
		thread.start();
	}

	@Override
	public void stop() {
		Thread thread = this.fetcher;
		this.fetcher = null;
		if (thread != null) {
			thread.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.fetcher != null;
	}

	private void fetchUntilKnown() {
		try (Consumer<?, ?> consumer = this.consumerFactory.createConsumer()) {
			while (this.fetcher != null) {
				try {
					expect(consumer, Topics.KEYS, this.readiness.keys());
					expect(consumer, Topics.DEPLOYMENTS, this.readiness.deployments());
					return;
				}
				catch (KafkaException ex) {
					log.info("End offsets of the view topics not available yet: {}", ex.getMessage());
					Thread.sleep(RETRY_INTERVAL.toMillis());
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void expect(Consumer<?, ?> consumer, TopicSpec topic, ViewProgress progress) {
		List<TopicPartition> partitions = IntStream.range(0, topic.partitions())
			.mapToObj((partition) -> new TopicPartition(topic.name(), partition))
			.toList();
		Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, ATTEMPT_TIMEOUT);
		progress.expect(ends.entrySet()
			.stream()
			.collect(Collectors.toMap((end) -> end.getKey().partition(), Map.Entry::getValue)));
	}

}
