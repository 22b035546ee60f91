package dev.flowgate.kafka;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.flowgate.infra.test.FlowgateInfra;
import dev.flowgate.infra.test.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationListener;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.event.ConsumerStoppedEvent;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@FlowgateInfra
class StoppedConsumerExitTest {

	private final String bootstrapServers = TestInfrastructure.get().kafkaBootstrapServers();

	private final AtomicInteger exits = new AtomicInteger();

	private final ApplicationListener<ConsumerStoppedEvent> exitOnStop = StoppedConsumerExit
		.onStoppedConsumer(this.exits::incrementAndGet);

	@Test
	void exitsOnceWhenAListenerThrowsAnError() throws Exception {
		String topic = "flowgate.test.stopped-" + UUID.randomUUID();
		send(topic, "first", "second");
		KafkaMessageListenerContainer<String, String> container = container(topic, (record) -> {
			throw new StackOverflowError("deeper than the stack");
		});

		container.start();

		await().until(() -> this.exits.get() > 0 && !container.isRunning());
		assertThat(this.exits).hasValue(1);
	}

	@Test
	void staysWhenAConsumerIsStoppedWithItsApplication() throws Exception {
		String topic = "flowgate.test.stopped-" + UUID.randomUUID();
		send(topic, "only");
		AtomicInteger read = new AtomicInteger();
		KafkaMessageListenerContainer<String, String> container = container(topic, (record) -> read.incrementAndGet());
		container.start();
		await().until(() -> read.get() == 1);

		container.stop();

		assertThat(container.isRunning()).isFalse();
		assertThat(this.exits).hasValue(0);
	}

	/** As the services' containers are: their error handler, events to the listener. */
	private KafkaMessageListenerContainer<String, String> container(String topic,
			MessageListener<String, String> listener) {
		DefaultKafkaConsumerFactory<String, String> consumers = new DefaultKafkaConsumerFactory<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						topic, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer());
		ContainerProperties properties = new ContainerProperties(topic);
		properties.setMessageListener(listener);
		KafkaMessageListenerContainer<String, String> container = new KafkaMessageListenerContainer<>(consumers,
				properties);
		container.setCommonErrorHandler(new DefaultErrorHandler());
		container.setApplicationEventPublisher((event) -> {
			if (event instanceof ConsumerStoppedEvent stopped) {
				this.exitOnStop.onApplicationEvent(stopped);
			}
		});
		return container;
	}

	private void send(String topic, String... values) throws Exception {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers), new StringSerializer(),
				new StringSerializer())) {
			for (String value : values) {
				producer.send(new ProducerRecord<>(topic, value)).get();
			}
		}
	}

}
