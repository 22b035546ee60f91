package dev.flowgate.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.flowgate.contracts.ExecutionCancellationRequested;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.TopicSpec;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.kafka.support.serializer.SerializationUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kafka client settings every service imports, as its clients are built from them.
 */
class KafkaClientSettingsTest {

	private static final String TOPIC = "flowgate.test";

	private static final ExecutionCancellationRequested EVENT = new ExecutionCancellationRequested(UUID.randomUUID(),
			ExecutionCancellationRequested.SCHEMA_VERSION, Instant.parse("2026-12-07T00:00:00Z"), "e-1", "o-1", "d-1");

	private final Binder settings = settings();

	@Test
	void sendsRecordsAsLargeAsTheTopicsTake() {
		assertThat(producerProperties()).containsEntry("max.request.size",
				Integer.toString(TopicSpec.MAX_MESSAGE_BYTES));
	}

	@Test
	void readsBackAnEventItWroteWithoutAJavaTypeOnTheWire() throws Exception {
		RecordHeaders headers = new RecordHeaders();

		byte[] wire = serializer().serialize(TOPIC, headers, EVENT);

		assertThat(headers.toArray()).isEmpty();
		assertThat(new String(wire, StandardCharsets.UTF_8)).contains("\"type\":\"execution.cancellation-requested\"")
			.doesNotContain("dev.flowgate");
		assertThat(deserializer().deserialize(TOPIC, new RecordHeaders(), wire)).isEqualTo(EVENT);
	}

	@Test
	void handsARecordItCannotReadToTheErrorHandlerInsteadOfThrowing() throws Exception {
		RecordHeaders headers = new RecordHeaders();

		Object value = deserializer().deserialize(TOPIC, headers, "{not json".getBytes(StandardCharsets.UTF_8));

		assertThat(value).isNull();
		assertThat(headers.lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER)).isNotNull();
	}

	@Test
	void readsTheTypeTokenNotAJavaClassNamedInAHeader() throws Exception {
		byte[] wire = serializer().serialize(TOPIC, new RecordHeaders(), EVENT);
		RecordHeaders headers = new RecordHeaders();
		headers.add("__TypeId__", "java.util.HashMap".getBytes(StandardCharsets.UTF_8));

		assertThat(deserializer().deserialize(TOPIC, headers, wire)).isEqualTo(EVENT);
	}

	@SuppressWarnings("unchecked")
	private Serializer<FlowgateEvent> serializer() throws ReflectiveOperationException {
		Serializer<FlowgateEvent> serializer = (Serializer<FlowgateEvent>) instance(
				"spring.kafka.producer.value-serializer");
		serializer.configure(producerProperties(), false);
		return serializer;
	}

	@SuppressWarnings("unchecked")
	private Deserializer<Object> deserializer() throws ReflectiveOperationException {
		Deserializer<Object> deserializer = (Deserializer<Object>) instance("spring.kafka.consumer.value-deserializer");
		deserializer.configure(consumerProperties(), false);
		return deserializer;
	}

	private Object instance(String property) throws ReflectiveOperationException {
		String className = this.settings.bind(property, String.class).get();
		return Class.forName(className).getDeclaredConstructor().newInstance();
	}

	private Map<String, Object> producerProperties() {
		return properties("spring.kafka.producer.properties");
	}

	private Map<String, Object> consumerProperties() {
		return properties("spring.kafka.consumer.properties");
	}

	private Map<String, Object> properties(String prefix) {
		return new HashMap<>(this.settings.bind(prefix, Bindable.mapOf(String.class, String.class)).get());
	}

	private static Binder settings() {
		try {
			List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("kafka-clients",
					new ClassPathResource("flowgate/kafka-clients.yml"));
			return new Binder(ConfigurationPropertySources.from(sources));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
