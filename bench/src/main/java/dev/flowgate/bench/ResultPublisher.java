package dev.flowgate.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.TokenUsage;
import dev.flowgate.contracts.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes {@code ExecutionCompleted} results to {@code flowgate.executions.completed}
 * as the runner does (plain JSON with a {@code type} property, keyed by execution id),
 * each stamped with the time it is published.
 */
final class ResultPublisher implements AutoCloseable {

	private static final long DURATION_MILLIS = 1250;

	private final ObjectWriter json = JsonMapper.builder().build().writerFor(FlowgateEvent.class);

	private final KafkaProducer<String, byte[]> producer;

	ResultPublisher(String bootstrapServers) {
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(),
				new ByteArraySerializer());
	}

	static String newExecutionId() {
		return "exec-" + UUID.randomUUID();
	}

	/** Publishes a succeeded result whose callback goes to {@code callbackUrl}. */
	Instant publish(String executionId, String ownerId, String deploymentId, String callbackUrl, int n) {
		Instant now = Instant.now();
		ExecutionCompleted result = new ExecutionCompleted(UUID.randomUUID(), ExecutionCompleted.SCHEMA_VERSION, now,
				executionId, ownerId, deploymentId, 1, ExecutionStatus.SUCCEEDED, Map.of("answer", "42", "n", n), null,
				List.of(), now.minusMillis(DURATION_MILLIS), now, DURATION_MILLIS, TokenUsage.NONE, null,
				new DeliveryTarget(callbackUrl, null, false), null, null, null);
		this.producer.send(new ProducerRecord<>(Topics.EXECUTIONS_COMPLETED.name(), executionId,
				this.json.writeValueAsBytes(result)));
		return now;
	}

	void flush() {
		this.producer.flush();
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
