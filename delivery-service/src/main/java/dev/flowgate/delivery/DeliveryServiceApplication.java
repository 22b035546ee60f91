package dev.flowgate.delivery;

import dev.flowgate.internal.InternalApiConfiguration;
import dev.flowgate.kafka.StoppedConsumerExit;
import dev.flowgate.kafka.TopicDeclarations;
import dev.flowgate.store.StoreOutageConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** Delivers results to signed callbacks and email, with durable retries. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({ StoreOutageConfiguration.class, InternalApiConfiguration.class, TopicDeclarations.class,
		StoppedConsumerExit.class })
public class DeliveryServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(DeliveryServiceApplication.class, args);
	}

}
