package dev.flowgate.deployments;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

import dev.flowgate.deployments.config.PublicationProperties;

/**
 * A producer whose broker is not there (nothing listens on the discard port): every send
 * fails once looking up the topic's partitions gives up, as while Kafka is down.
 */
public final class UnreachableKafka implements AutoCloseable {

	/**
	 * For a publisher over it: sends wait 2 s and a claim holds for ten minutes, so only
	 * a claim given up lets the service's republisher send the record soon.
	 */
	public static final PublicationProperties PUBLICATION = new PublicationProperties(Duration.ofSeconds(2),
			Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofMinutes(5));

	private static final Duration GIVE_UP_AFTER = Duration.ofMillis(500);

	private final DefaultKafkaProducerFactory<String, Object> producers = new DefaultKafkaProducerFactory<>(
			Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9", ProducerConfig.MAX_BLOCK_MS_CONFIG,
					(int) GIVE_UP_AFTER.toMillis()),
			new StringSerializer(), new JacksonJsonSerializer<>());

	public KafkaTemplate<String, Object> template() {
		return new KafkaTemplate<>(this.producers);
	}

	@Override
	public void close() {
		this.producers.destroy();
	}

}
