package dev.flowgate.infra.local;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackPortsTest {

	@Test
	void namesEachPortAnotherProgramHolds() throws IOException {
		StackPorts ports = StackPorts.free();
		try (ServerSocket mongo = new ServerSocket(ports.mongo());
				ServerSocket deployments = new ServerSocket(ports.deploymentService())) {
			assertThatThrownBy(ports::requireFree).isInstanceOf(PortsInUseException.class)
				.hasMessageStartingWith("Another program is listening on port " + ports.mongo() + " (MongoDB), "
						+ ports.deploymentService() + " (deployment-service).");
		}
		assertThatCode(ports::requireFree).doesNotThrowAnyException();
	}

}
