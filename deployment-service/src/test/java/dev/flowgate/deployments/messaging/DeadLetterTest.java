package dev.flowgate.deployments.messaging;

import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import dev.flowgate.contracts.Topics;
import dev.flowgate.deployments.IntegrationTest;
import dev.flowgate.deployments.TopicReader;
import dev.flowgate.infra.test.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A record no listener can read goes to the dead-letter topic, unchanged. */
@IntegrationTest
class DeadLetterTest {

	@Test
	void parksAnUndecodableResult() throws Exception {
		String key = "broken-" + UUID.randomUUID();
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.get().kafkaBootstrapServers());
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>(Topics.EXECUTIONS_COMPLETED.name(), key, "{not json")).get();
		}

		ConsumerRecord<String, String> parked = await()
			.until(() -> TopicReader.readKey(Topics.DEAD_LETTER.name(), key), (records) -> !records.isEmpty())
			.get(0);

		assertThat(parked.value()).isEqualTo("{not json");
		assertThat(new String(parked.headers().lastHeader("kafka_dlt-original-topic").value()))
			.isEqualTo(Topics.EXECUTIONS_COMPLETED.name());
	}

}
