package dev.flowgate.infra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

class ManagedProcessTest {

	@TempDir
	Path dir;

	@Test
	void reportsACrashedProcessWithItsLogTail() {
		ManagedProcess process = start("echo starting; echo \"boom: $GREETING\" >&2; exit 3", Map.of("GREETING", "hi"));

		assertThatExceptionOfType(ProcessDiedException.class)
			.isThrownBy(() -> process.awaitHttpOk(URI.create("http://127.0.0.1:9/ready"), Duration.ofSeconds(10)))
			.withMessageContaining("crashy")
			.withMessageContaining("code 3")
			.satisfies((ex) -> assertThat(ex.logTail()).contains("starting").contains("boom: hi"));
		assertThat(process.exitCode()).hasValue(3);
	}

	@Test
	void waitsUntilTheUrlAnswers2xx() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/ready", (exchange) -> {
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		server.start();
		ManagedProcess process = start("sleep 30", Map.of());
		try {
			process.awaitHttpOk(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ready"),
					Duration.ofSeconds(10));
			assertThat(process.isAlive()).isTrue();
		}
		finally {
			server.stop(0);
			process.stop();
		}
	}

	@Test
	void timesOutWithTheLogTailWhenTheUrlNeverAnswers() {
		ManagedProcess process = start("echo still-booting; sleep 30", Map.of());
		try {
			assertThatIllegalStateException()
				.isThrownBy(() -> process.awaitHttpOk(URI.create("http://127.0.0.1:9/ready"), Duration.ofMillis(500)))
				.withMessageContaining("still-booting");
		}
		finally {
			process.stop();
		}
	}

	@Test
	void stopTerminatesTheProcessAndItsChildren() {
		ManagedProcess process = start("sleep 300 & sleep 300; wait", Map.of());
		await().until(() -> process.pid() > 0 && ProcessHandle.of(process.pid()).orElseThrow().children().count() == 2);
		List<ProcessHandle> children = ProcessHandle.of(process.pid()).orElseThrow().children().toList();

		process.stop();

		assertThat(process.isAlive()).isFalse();
		assertThat(children).noneMatch(ProcessHandle::isAlive);
	}

	@Test
	void killsAProcessThatIgnoresSigterm() {
		ManagedProcess process = start("trap '' TERM; echo ready; sleep 300 & wait", Map.of());
		await().until(() -> process.logTail(1).contains("ready"));

		long started = System.nanoTime();
		process.stop(Duration.ofMillis(500));

		assertThat(process.isAlive()).isFalse();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void awaitExitReturnsTheExitCode() {
		assertThat(start("exit 7", Map.of()).awaitExit(Duration.ofSeconds(10))).isEqualTo(7);
	}

	private ManagedProcess start(String script, Map<String, String> env) {
		return ManagedProcess.start("crashy", List.of("sh", "-c", script), env, this.dir.resolve("process.log"));
	}

}
