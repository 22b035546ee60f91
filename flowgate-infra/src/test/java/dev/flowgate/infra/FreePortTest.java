package dev.flowgate.infra;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FreePortTest {

	@Test
	void handsOutBindablePortsBelowTheEphemeralRangeNeverTwice() throws IOException {
		Set<Integer> ports = new HashSet<>();
		for (int i = 0; i < 50; i++) {
			ports.add(FreePort.find());
		}

		assertThat(ports).hasSize(50)
			.allSatisfy(
					(port) -> assertThat(port).isGreaterThanOrEqualTo(10_000).isLessThan(FreePort.ephemeralStart()));
		int port = ports.iterator().next();
		try (ServerSocket bound = new ServerSocket(port)) {
			assertThat(bound.getLocalPort()).isEqualTo(port);
		}
	}

}
