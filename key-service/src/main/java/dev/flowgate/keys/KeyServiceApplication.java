package dev.flowgate.keys;

import dev.flowgate.kafka.KafkaObservationConfiguration;
import dev.flowgate.kafka.StoppedConsumerExit;
import dev.flowgate.kafka.TopicDeclarations;
import dev.flowgate.internal.InternalApiConfiguration;
import dev.flowgate.store.StoreOutageConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** Owns owners and API keys; publishes key state. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({ StoreOutageConfiguration.class, InternalApiConfiguration.class, KafkaObservationConfiguration.class,
		TopicDeclarations.class, StoppedConsumerExit.class })
public class KeyServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(KeyServiceApplication.class, args);
	}

}
