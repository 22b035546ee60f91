package dev.flowgate.delivery.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.Topics;
import dev.flowgate.delivery.support.Deliveries;
import dev.flowgate.delivery.support.DeliveryIntegrationTest;
import dev.flowgate.delivery.support.Receiver;
import dev.flowgate.delivery.support.Results;
import dev.flowgate.infra.test.TestInfrastructure;
import dev.flowgate.kafka.DeadLetters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A record that is not a result goes to the dead-letter topic, unchanged, and the results
 * behind it in its partition are delivered.
 */
@DeliveryIntegrationTest
class DeadLetterTest {

	@Autowired
	private Deliveries deliveries;

	@Autowired
	private MeterRegistry meters;

	@Test
	void parksAnUndecodableResultCountsItAndDeliversTheOneBehindIt() throws Exception {
		Counter deadLettersCounted = this.meters.counter(DeadLetters.COUNTER, "topic",
				Topics.EXECUTIONS_COMPLETED.name());
		double countedBefore = deadLettersCounted.count();
		String owner = "owner-" + UUID.randomUUID();
		try (Receiver receiver = Receiver.start()) {
			ExecutionCompleted result = Results.succeeded(owner, "dep-1", receiver.url("/hook"), null,
					Map.of("answer", "42"));
			// The same key: the same partition, the broken record first.
			send(result.executionId(), "{not json");
			this.deliveries.publish(result);

			this.deliveries.awaitStatus(owner, result.executionId(), "succeeded");
			assertThat(receiver.requests()).hasSize(1);
			ConsumerRecord<String, String> parked = await().atMost(Deliveries.WAIT)
				.until(() -> deadLetters(result.executionId()), (records) -> !records.isEmpty())
				.get(0);
			assertThat(parked.value()).isEqualTo("{not json");
			assertThat(new String(parked.headers().lastHeader("kafka_dlt-original-topic").value()))
				.isEqualTo(Topics.EXECUTIONS_COMPLETED.name());
		}
		await().untilAsserted(() -> assertThat(deadLettersCounted.count()).isEqualTo(countedBefore + 1));
	}

	private static void send(String key, String value) throws Exception {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers()),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>(Topics.EXECUTIONS_COMPLETED.name(), key, value)).get();
		}
	}

	private static List<ConsumerRecord<String, String>> deadLetters(String key) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.get().kafkaBootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
				"dead-letters-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(Topics.DEAD_LETTER.name()));
			List<ConsumerRecord<String, String>> found = new ArrayList<>();
			consumer.poll(Duration.ofSeconds(2)).forEach((record) -> {
				if (key.equals(record.key())) {
					found.add(record);
				}
			});
			return found;
		}
	}

}
