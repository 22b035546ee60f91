package dev.flowgate.store;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class StoreOutageConfigurationTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(StoreOutageConfiguration.class)
		// What Spring Boot's Kafka and metrics set-up provide; nothing connects.
		.withBean(KafkaTemplate.class, () -> new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of())))
		.withBean(ProducerFactory.class, () -> new DefaultKafkaProducerFactory<>(Map.of()))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new);

	@Test
	void waitsFiveSecondsForAServerRatherThanTheDriversThirty() {
		this.context.run((context) -> assertThat(serverSelectionMillis(
				context.getBean(MongoClientSettingsBuilderCustomizer.class), "mongodb://127.0.0.1:27017"))
			.isEqualTo(5_000));
	}

	@Test
	void takesTheConfiguredWaitOverTheUris() {
		this.context.withPropertyValues("flowgate.store.server-selection-timeout=2s")
			.run((context) -> assertThat(
					serverSelectionMillis(context.getBean(MongoClientSettingsBuilderCustomizer.class),
							"mongodb://127.0.0.1:27017/?serverSelectionTimeoutMS=30000"))
				.isEqualTo(2_000));
	}

	private static long serverSelectionMillis(MongoClientSettingsBuilderCustomizer customizer, String uri) {
		MongoClientSettings.Builder settings = MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString(uri));
		customizer.customize(settings);
		return settings.build().getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS);
	}

}
