package dev.flowgate.runner;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Stateless: consumes triggers, runs flows, emits results. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FlowRunnerApplication {

	public static void main(String[] args) {
		SpringApplication.run(FlowRunnerApplication.class, args);
	}

}
