package dev.flowgate.delivery.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.flowgate.contracts.DeliveryFailed;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.Topics;
import dev.flowgate.infra.test.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;

/** Reads the delivery dead-letter topic from the beginning. */
public final class FailedDeliveries implements AutoCloseable {

	private static final Duration POLL = Duration.ofMillis(200);

	private final KafkaConsumer<String, FlowgateEvent> consumer;

	private final List<DeliveryFailed> seen = new ArrayList<>();

	public FailedDeliveries() {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.get().kafkaBootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
				"failed-deliveries-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		JacksonJsonDeserializer<FlowgateEvent> values = new JacksonJsonDeserializer<>(FlowgateEvent.class);
		values.setUseTypeHeaders(false);
		values.addTrustedPackages("dev.flowgate.contracts");
		this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), values);
		this.consumer.subscribe(List.of(Topics.DELIVERIES_FAILED.name()));
	}

	/** Every event for the delivery seen so far (polls once more first). */
	public List<DeliveryFailed> of(String deliveryId) {
		this.consumer.poll(POLL).forEach((record) -> this.seen.add((DeliveryFailed) record.value()));
		return this.seen.stream().filter((event) -> event.deliveryId().equals(deliveryId)).toList();
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
