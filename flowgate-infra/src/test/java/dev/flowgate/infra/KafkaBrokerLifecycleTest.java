package dev.flowgate.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

class KafkaBrokerLifecycleTest {

	private static final Path PROC = Path.of("/proc");

	@TempDir
	Path dataDir;

	@Test
	void brokerStartedToStopWithItsParentExitsWhenThatJvmIsKilled() throws IOException {
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
			if (Files.isDirectory(PROC)) {
				// A terminal's Ctrl-C reaches only the JVM that started it, which stops
				// it.
				assertThat(session(brokerPid)).isEqualTo(brokerPid).isNotEqualTo(session(starter.pid()));
			}

			ProcessHandle.of(starter.pid()).ifPresent(ProcessHandle::destroyForcibly);

			await().atMost(Duration.ofSeconds(30)).until(() -> ProcessHandle.of(brokerPid).isEmpty());
		}
		finally {
			starter.stop();
		}
	}

	@Test
	void closeDuringTheStartStopsTheBrokerAtOnceAndLaterStartsFail() throws Exception {
		Path pidFile = this.dataDir.resolve("kafka.pid");
		KafkaBroker broker = KafkaBroker.builder(this.dataDir).stopWithParent(true).pidFile(pidFile).build();
		CompletableFuture<KafkaBroker> starting = CompletableFuture.supplyAsync(broker::start);
		await().atMost(Duration.ofSeconds(30)).until(() -> Files.isRegularFile(pidFile));
		long pid = Long.parseLong(Files.readString(pidFile));

		broker.close();

		assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(pidFile).doesNotExist();
		assertThat(starting).failsWithin(Duration.ofSeconds(30));
		assertThatIllegalStateException().isThrownBy(broker::start).withMessageContaining("closed");
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

	@Test
	void startsOnOtherPortsWhenOneItPickedWasTakenBeforeTheBrokerBoundIt() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			// The controller's, as if another process bound it between the check and the
			// broker's start (which then dies within seconds).
			Deque<Integer> picks = new ArrayDeque<>(List.of(FreePort.find(), taken.getLocalPort()));
			KafkaBroker broker = KafkaBroker.builder(this.dataDir)
				.freePorts(() -> picks.isEmpty() ? FreePort.find() : picks.pop())
				.topics(List.of())
				.startTimeout(Duration.ofSeconds(60))
				.build();
			try {
				broker.start();

				assertThat(picks).isEmpty();
				assertThat(broker.isRunning()).isTrue();
				assertThat(BrokerProbe.accepts(broker.port())).isTrue();
			}
			finally {
				broker.close();
			}
		}
	}

	/** Field 6 of {@code /proc/<pid>/stat}: the session id. */
	private static long session(long pid) throws IOException {
		String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
		return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[3]);
	}

}
