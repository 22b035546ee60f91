package dev.flowgate.gateway.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.flowgate.contracts.Topics;
import dev.flowgate.gateway.support.Prometheus;
import dev.flowgate.gateway.support.TestStack;
import dev.flowgate.gateway.support.TestStack.Tenant;
import dev.flowgate.infra.test.FlowgateInfra;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An unreadable record on a view topic goes to the dead-letter topic; the view goes on.
 */
@FlowgateInfra
class DeadLetterTest {

	private final TestStack stack = TestStack.get();

	@Test
	void deadLettersAnUnreadableKeyRecordAndKeepsReading() {
		String recordKey = "garbage-" + UUID.randomUUID();
		TopicPartition deadLetters = new TopicPartition(Topics.DEAD_LETTER.name(), 0);
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.stack.bootstrapServers), new StringDeserializer(),
				new StringDeserializer())) {
			consumer.assign(List.of(deadLetters));
			consumer.seekToEnd(List.of(deadLetters));
			consumer.position(deadLetters);
			double countedBefore = deadLettersCounted();

			this.stack.states.sendRaw(Topics.KEYS.name(), recordKey, "this is not JSON");
			Tenant after = this.stack.newTenant((key) -> key);

			List<ConsumerRecord<String, String>> received = new ArrayList<>();
			await().atMost(Duration.ofSeconds(10)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(received::add);
				return received.stream().filter((record) -> recordKey.equals(record.key())).count() == 2;
			});
			ConsumerRecord<String, String> deadLetter = received.stream()
				.filter((record) -> recordKey.equals(record.key()))
				.findFirst()
				.orElseThrow();
			assertThat(deadLetter.value()).isEqualTo("this is not JSON");
			assertThat(deadLetter.headers().lastHeader("kafka_dlt-original-topic").value()).asString()
				.isEqualTo(Topics.KEYS.name());
			this.stack.awaitVisible(after);
			await().untilAsserted(() -> assertThat(deadLettersCounted()).isEqualTo(countedBefore + 1));
		}
	}

	private double deadLettersCounted() {
		return Prometheus.scrape(this.stack.a)
			.sum("flowgate_kafka_dead_letters_total", Map.of("topic", Topics.KEYS.name()));
	}

}
