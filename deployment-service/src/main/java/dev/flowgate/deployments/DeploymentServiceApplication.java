package dev.flowgate.deployments;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Owns flows, deployments, executions and usage; publishes deployment state. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DeploymentServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(DeploymentServiceApplication.class, args);
	}

}
