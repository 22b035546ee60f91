package dev.flowgate.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class KafkaBrokerLifecycleTest {

	@TempDir
	Path dataDir;

	@Test
	void brokerStartedToStopWithItsParentExitsWhenThatJvmIsKilled() {
		ManagedProcess starter = ManagedProcess.start("broker-starter",
				List.of(ManagedProcess.javaExecutable(), "-cp", System.getProperty("java.class.path"),
						BrokerStarterMain.class.getName(), this.dataDir.resolve("kafka").toString()),
				Map.of(), this.dataDir.resolve("starter.log"));
		try {
			starter.awaitCondition("the broker is up", Duration.ofSeconds(90),
					() -> starter.logTail(ManagedProcess.TAIL_LINES).contains("broker-pid="));
			long brokerPid = Long
				.parseLong(starter.logTail(ManagedProcess.TAIL_LINES).replaceAll("(?s).*broker-pid=(\\d+).*", "$1"));
			assertThat(ProcessHandle.of(brokerPid)).isPresent();

			ProcessHandle.of(starter.pid()).ifPresent(ProcessHandle::destroyForcibly);

			await().atMost(Duration.ofSeconds(30)).until(() -> ProcessHandle.of(brokerPid).isEmpty());
		}
		finally {
			starter.stop();
		}
	}

	@Test
	void reportsABrokerThatDiesDuringStartWithItsLogTail() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			KafkaBroker broker = KafkaBroker.builder(this.dataDir)
				.controllerPort(taken.getLocalPort())
				.startTimeout(Duration.ofSeconds(60))
				.build();

			assertThatExceptionOfType(ProcessDiedException.class).isThrownBy(broker::start)
				.withMessageContaining("kafka-broker")
				.satisfies((ex) -> assertThat(ex.errorLines()).containsIgnoringCase("address already in use"));
		}
	}

}
