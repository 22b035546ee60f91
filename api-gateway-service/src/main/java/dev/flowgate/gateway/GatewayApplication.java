package dev.flowgate.gateway;

import dev.flowgate.kafka.KafkaObservationConfiguration;
import dev.flowgate.kafka.StoppedConsumerExit;
import dev.flowgate.kafka.TopicDeclarations;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * The one public entry: authenticates keys, publishes triggers, answers sync calls,
 * routes the management API.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({ KafkaObservationConfiguration.class, TopicDeclarations.class, StoppedConsumerExit.class })
public class GatewayApplication {

	public static void main(String[] args) {
		SpringApplication.run(GatewayApplication.class, args);
	}

}
