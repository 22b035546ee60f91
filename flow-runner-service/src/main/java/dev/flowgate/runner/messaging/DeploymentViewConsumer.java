package dev.flowgate.runner.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.contracts.Topics;
import dev.flowgate.runner.domain.deployment.DeploymentView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Keeps the deployment view: every partition of the compacted deployments topic, read
 * from the beginning without a consumer group (nothing is committed). Once it has read up
 * to the end offsets seen at start, the view counts as caught up and the trigger listener
 * starts.
 */
@Component
class DeploymentViewConsumer implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DeploymentViewConsumer.class);

	private static final Duration POLL = Duration.ofMillis(500);

	private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

	private static final String TOPIC = Topics.DEPLOYMENTS.name();

	/**
	 * Each state carries its flow (up to about a megabyte decoded): catching up at start
	 * decodes this many at a time, not Kafka's default 500.
	 */
	private static final int BATCH = 25;

	private final ConsumerFactory<Object, Object> consumers;

	private final DeploymentView view;

	private final TriggerConsumption triggers;

	private volatile boolean running;

	private volatile Consumer<Object, Object> consumer;

	private Thread thread;

	DeploymentViewConsumer(ConsumerFactory<Object, Object> consumers, DeploymentView view,
			TriggerConsumption triggers) {
		this.consumers = consumers;
		this.view = view;
		this.triggers = triggers;
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = new Thread(this::consumeUntilStopped, "deployment-view");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Consumer<Object, Object> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
		try {
			this.thread.join(POLL.multipliedBy(4).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Starts before, and stops after, the listener containers. */
	@Override
	public int getPhase() {
		return AbstractMessageListenerContainer.DEFAULT_PHASE - 1;
	}

	private void consumeUntilStopped() {
		while (this.running) {
			try {
				consume();
			}
			catch (WakeupException ex) {
				// stop() woke the consumer up
			}
			catch (RuntimeException ex) {
				logger.warn("Reading {} failed; starting over", TOPIC, ex);
				pause();
			}
		}
	}

	private void consume() {
		Properties noGroup = new Properties();
		noGroup.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		noGroup.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, BATCH);
		try (Consumer<Object, Object> reader = this.consumers.createConsumer(null, "deployment-view", null, noGroup)) {
			this.consumer = reader;
			List<TopicPartition> partitions = reader.partitionsFor(TOPIC)
				.stream()
				.map((info) -> new TopicPartition(TOPIC, info.partition()))
				.toList();
			reader.assign(partitions);
			reader.seekToBeginning(partitions);
			Map<TopicPartition, Long> endAtStart = reader.endOffsets(partitions);
			while (this.running) {
				reader.poll(POLL).forEach(this::apply);
				if (!this.view.isCaughtUp() && reachedAll(reader, endAtStart)) {
					this.view.markCaughtUp();
					logger.info("Deployment view caught up with {} deployments", this.view.size());
					this.triggers.start();
				}
			}
		}
	}

	private void apply(ConsumerRecord<Object, Object> record) {
		if (record.value() instanceof DeploymentStateChanged deployment) {
			this.view.put(deployment);
		}
		else if (record.value() == null && record.key() instanceof String deploymentId
				&& record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) == null) {
			this.view.remove(deploymentId);
		}
		else {
			logger.warn("Skipping an unreadable deployment record at {}-{}@{}", TOPIC, record.partition(),
					record.offset());
		}
	}

	private static boolean reachedAll(Consumer<Object, Object> reader, Map<TopicPartition, Long> endAtStart) {
		return endAtStart.entrySet().stream().allMatch((end) -> reader.position(end.getKey()) >= end.getValue());
	}

	private void pause() {
		try {
			Thread.sleep(RETRY_AFTER.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

}
