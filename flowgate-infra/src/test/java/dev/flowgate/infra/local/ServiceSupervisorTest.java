package dev.flowgate.infra.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntFunction;

import dev.flowgate.infra.CapturedStderr;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ServiceSupervisorTest {

	private static final String KEY_SERVICE = Service.KEY_SERVICE.module();

	private static final IntFunction<Map<String, String>> ENV = (port) -> Map.of("FLOWGATE_PORT",
			Integer.toString(port));

	private static final Duration RESTARTED = Duration.ofSeconds(30);

	@TempDir
	Path root;

	private StackOptions options;

	private ServiceFleet fleet;

	@BeforeEach
	void fleet() {
		FakeServiceJar.write(this.root, Service.KEY_SERVICE);
		this.options = StackOptions.forTests(this.root, this.root.resolve("run"), StackPorts.free());
		this.fleet = new ServiceFleet(this.options, ENV);
	}

	@AfterEach
	void stop() {
		this.fleet.stopAll();
	}

	@Test
	void startsAServiceThatWasKilledAgainOnItsPort() {
		int port = StackPorts.freePort();
		this.fleet.startReplica(Service.KEY_SERVICE, KEY_SERVICE, port, Map.of());
		long killed = this.fleet.pid(KEY_SERVICE);
		new ServiceSupervisor(this.fleet, this.options.requests(), true).start();

		ProcessHandle.of(killed).orElseThrow().destroyForcibly();

		await().atMost(RESTARTED).until(() -> isRunningAnew(killed));
		assertThat(this.fleet.port(KEY_SERVICE)).isEqualTo(port);
		assertThat(this.options.pids().resolve(KEY_SERVICE + ".pid")).content()
			.isEqualTo(Long.toString(this.fleet.pid(KEY_SERVICE)));
	}

	@Test
	void pausesLongerEachTimeAServiceDiesSoonAfterItsStart() {
		try (CapturedStderr err = CapturedStderr.start()) {
			this.fleet.startReplica(Service.KEY_SERVICE, KEY_SERVICE, StackPorts.freePort(),
					Map.of(FakeServiceMain.EXIT_AFTER_MS, "300"));
			new ServiceSupervisor(this.fleet, this.options.requests(), true).start();

			await().atMost(RESTARTED).until(() -> err.text().contains(KEY_SERVICE + " will be started again in 4 s"));

			assertThat(err.text()).containsSubsequence("again in 1 s", "again in 2 s", "again in 4 s");
		}
	}

	@Test
	void restartsAServiceWhenAskedAndTakesTheRequestAwayOnceItIsReady() throws Exception {
		this.fleet.startReplica(Service.KEY_SERVICE, KEY_SERVICE, StackPorts.freePort(), Map.of());
		long before = this.fleet.pid(KEY_SERVICE);
		new ServiceSupervisor(this.fleet, this.options.requests(), false).start();
		Path request = this.options.requests().resolve(KEY_SERVICE + ServiceSupervisor.RESTART);

		Files.createFile(request);

		await().atMost(RESTARTED).until(() -> !Files.exists(request));
		assertThat(isRunningAnew(before)).isTrue();
		assertThat(ProcessHandle.of(before).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
		assertThat(this.options.requests().resolve(KEY_SERVICE + ServiceSupervisor.FAILED)).doesNotExist();
	}

	@Test
	void saysWhyARestartAskedForFailed() throws Exception {
		new ServiceSupervisor(this.fleet, this.options.requests(), false).start();
		Path request = this.options.requests().resolve("no-such-service" + ServiceSupervisor.RESTART);

		Files.createFile(request);

		await().atMost(RESTARTED).until(() -> !Files.exists(request));
		assertThat(this.options.requests().resolve("no-such-service" + ServiceSupervisor.FAILED)).content()
			.contains("no-such-service");
	}

	private boolean isRunningAnew(long before) {
		return this.fleet.names().contains(KEY_SERVICE) && this.fleet.pid(KEY_SERVICE) != before;
	}

}
