package dev.flowgate.delivery.support;

import dev.flowgate.contracts.FlowgateEvent;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The tests' clients of the service, one of each for the shared context: its API through
 * MockMvc, and results published to Kafka.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClients {

	@Bean
	ApiClient apiClient(MockMvc mvc, JsonMapper json) {
		return new ApiClient(mvc, json);
	}

	@Bean
	Deliveries deliveries(ApiClient api, KafkaTemplate<String, FlowgateEvent> kafka) {
		return new Deliveries(api, kafka);
	}

}
