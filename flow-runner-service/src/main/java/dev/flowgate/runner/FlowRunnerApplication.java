package dev.flowgate.runner;

import dev.flowgate.kafka.KafkaObservationConfiguration;
import dev.flowgate.kafka.StoppedConsumerExit;
import dev.flowgate.kafka.TopicDeclarations;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** Stateless: consumes triggers, runs flows, emits results. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({ KafkaObservationConfiguration.class, TopicDeclarations.class, StoppedConsumerExit.class })
public class FlowRunnerApplication {

	public static void main(String[] args) {
		SpringApplication.run(FlowRunnerApplication.class, args);
	}

}
