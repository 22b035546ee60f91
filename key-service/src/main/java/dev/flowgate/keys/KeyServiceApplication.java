package dev.flowgate.keys;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Owns owners and API keys; publishes key state. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KeyServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(KeyServiceApplication.class, args);
	}

}
