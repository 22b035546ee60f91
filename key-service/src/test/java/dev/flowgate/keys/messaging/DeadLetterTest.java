package dev.flowgate.keys.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.flowgate.contracts.Topics;
import dev.flowgate.infra.test.TestInfrastructure;
import dev.flowgate.keys.KeyServiceIntegrationTest;
import dev.flowgate.kafka.DeadLetters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A trigger the listener cannot read is parked, unchanged, on the dead-letter topic. */
@KeyServiceIntegrationTest
class DeadLetterTest {

	@Autowired
	private MeterRegistry meters;

	@Test
	void parksAnUnreadableTriggerAsItsOriginalBytesAndCountsIt() throws Exception {
		Counter deadLettersCounted = this.meters.counter(DeadLetters.COUNTER, "topic",
				Topics.EXECUTIONS_REQUESTED.name());
		double countedBefore = deadLettersCounted.count();
		String recordKey = "broken-" + UUID.randomUUID();
		byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
		String servers = TestInfrastructure.get().kafkaBootstrapServers();
		try (var producer = new KafkaProducer<String, byte[]>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
				new StringSerializer(), new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(Topics.EXECUTIONS_REQUESTED.name(), recordKey, garbage)).get();
		}

		try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = List.of(new TopicPartition(Topics.DEAD_LETTER.name(), 0));
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
			ConsumerRecord<String, byte[]> parked = await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
				return seen.stream().filter((record) -> recordKey.equals(record.key())).findFirst();
			}, Optional::isPresent).orElseThrow();
			assertThat(parked.value()).isEqualTo(garbage);
			assertThat(parked.headers().lastHeader("kafka_dlt-original-topic").value()).asString(StandardCharsets.UTF_8)
				.isEqualTo(Topics.EXECUTIONS_REQUESTED.name());
		}
		await().untilAsserted(() -> assertThat(deadLettersCounted.count()).isEqualTo(countedBefore + 1));
	}

}
