package dev.flowgate.deployments.messaging;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.Topics;
import dev.flowgate.deployments.ApiClient;
import dev.flowgate.deployments.IntegrationTest;
import dev.flowgate.deployments.TopicReader;
import dev.flowgate.deployments.domain.execution.ExecutionEvents;
import dev.flowgate.infra.test.TestInfrastructure;
import dev.flowgate.kafka.DeadLetters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A record no listener can read goes to the dead-letter topic, unchanged; the records
 * behind it are recorded.
 */
@IntegrationTest
class DeadLetterTest {

	private static final int PARTITION = 0;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private KafkaTemplate<String, Object> kafka;

	@Autowired
	private MeterRegistry meters;

	@Test
	void parksAnUndecodableResultCountsItAndRecordsTheOneBehindIt() throws Exception {
		Counter deadLettersCounted = this.meters.counter(DeadLetters.COUNTER, "topic",
				Topics.EXECUTIONS_COMPLETED.name());
		double countedBefore = deadLettersCounted.count();
		ApiClient api = ApiClient.forNewOwner(this.mvc);
		String key = "broken-" + UUID.randomUUID();
		ExecutionCompleted behind = ExecutionEvents.of(UUID.randomUUID().toString(), api.ownerId(), "d-1")
			.completed(ExecutionStatus.SUCCEEDED, 40);
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.get().kafkaBootstrapServers());
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>(Topics.EXECUTIONS_COMPLETED.name(), PARTITION, key, "{not json")).get();
		}
		// Behind it in the same partition: in the same poll or the next.
		this.kafka
			.send(new ProducerRecord<>(Topics.EXECUTIONS_COMPLETED.name(), PARTITION, behind.executionId(), behind))
			.get(10, TimeUnit.SECONDS);

		ConsumerRecord<String, String> parked = await()
			.until(() -> TopicReader.readKey(Topics.DEAD_LETTER.name(), key), (records) -> !records.isEmpty())
			.get(0);
		assertThat(parked.value()).isEqualTo("{not json");
		assertThat(new String(parked.headers().lastHeader("kafka_dlt-original-topic").value()))
			.isEqualTo(Topics.EXECUTIONS_COMPLETED.name());
		await().untilAsserted(() -> {
			ApiClient.Response recorded = api.get("/v1/executions/" + behind.executionId());
			assertThat(recorded.status()).isEqualTo(200);
			assertThat(recorded.text("status")).isEqualTo("succeeded");
		});
		await().untilAsserted(() -> assertThat(deadLettersCounted.count()).isEqualTo(countedBefore + 1));
	}

}
