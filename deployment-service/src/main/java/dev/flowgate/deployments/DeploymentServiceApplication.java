package dev.flowgate.deployments;

import dev.flowgate.internal.InternalApiConfiguration;
import dev.flowgate.kafka.StoppedConsumerExit;
import dev.flowgate.kafka.TopicDeclarations;
import dev.flowgate.store.StoreOutageConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** Owns flows, deployments, executions and usage; publishes deployment state. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({ StoreOutageConfiguration.class, InternalApiConfiguration.class, TopicDeclarations.class,
		StoppedConsumerExit.class })
public class DeploymentServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(DeploymentServiceApplication.class, args);
	}

}
