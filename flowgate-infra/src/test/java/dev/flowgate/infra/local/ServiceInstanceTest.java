package dev.flowgate.infra.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ServiceInstanceTest {

	@Test
	void restartsAServicesOwnProcessOnItsOwnPort() {
		ServiceInstance runner = ServiceInstance.unstarted("flow-runner-service", StackPorts.defaults());

		assertThat(runner.service()).isEqualTo(Service.FLOW_RUNNER);
		assertThat(runner.port()).isEqualTo(8083);
		assertThat(runner.extraEnv()).isEmpty();
		assertThat(runner.readinessUrl()).hasToString("http://127.0.0.1:8083/actuator/health/readiness");
	}

	@Test
	void knowsNoSettingsForAReplicaThatNoLongerRuns() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ServiceInstance.unstarted("second-gateway", StackPorts.defaults()))
			.withMessage("No process named second-gateway");
	}

}
