package dev.flowgate.gateway.it;

import java.util.Map;

import dev.flowgate.gateway.support.GatewayApp;
import dev.flowgate.gateway.support.Http;
import dev.flowgate.gateway.support.TestStack;
import dev.flowgate.infra.test.FlowgateInfra;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code FLOWGATE_MANAGEMENT_PORT} set (docker-compose sets it and publishes only
 * the server's port), health and metrics are served there and not on the public port.
 */
@FlowgateInfra
class ManagementPortTest {

	private final TestStack stack = TestStack.get();

	@Test
	void servesTheActuatorOnlyOnTheManagementPortWhereOneIsSet() {
		try (GatewayApp gateway = this.stack.startGateway("gw-management-port",
				Map.of("FLOWGATE_MANAGEMENT_PORT", 0))) {
			assertThat(gateway.managementUrl("/")).isNotEqualTo(gateway.url("/"));

			assertThat(Http.get(gateway.managementUrl("/actuator/health/readiness"), Map.of()).status()).isEqualTo(200);
			assertThat(Http.get(gateway.managementUrl("/actuator/prometheus"), Map.of()).body())
				.contains("application=\"api-gateway-service\"");
			assertThat(Http.get(gateway.url("/actuator/health"), Map.of()).status()).isEqualTo(404);
			assertThat(Http.get(gateway.url("/actuator/prometheus"), Map.of()).status()).isEqualTo(404);
			assertThat(Http.get(gateway.url("/openapi.yaml"), Map.of()).status()).isEqualTo(200);
		}
	}

	@Test
	void servesTheActuatorOnTheServersPortByDefault() {
		assertThat(Http.get(this.stack.a.url("/actuator/health/readiness"), Map.of()).status()).isEqualTo(200);
	}

}
