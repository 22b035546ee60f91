package dev.flowgate.infra.local;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

import dev.flowgate.infra.CapturedStderr;
import dev.flowgate.infra.ManagedProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

class ServiceFleetTest {

	private static final String KEY_SERVICE = Service.KEY_SERVICE.module();

	private static final String GATEWAY = Service.API_GATEWAY.module();

	private static final IntFunction<Map<String, String>> ENV = (port) -> Map.of("FLOWGATE_PORT",
			Integer.toString(port));

	// The fleet's watcher looks every second: long enough for a second report to show.
	private static final Duration SECOND_REPORT_WAIT = Duration.ofSeconds(3);

	private static final int TAIL_LINES = 20;

	@TempDir
	Path root;

	@Test
	void reportsAServiceThatDiesOnceWithItsExitCodeAndLogTail() {
		FakeServiceJar.write(this.root, Service.KEY_SERVICE);
		ServiceFleet fleet = new ServiceFleet(testOptions(), ENV);
		try (CapturedStderr err = CapturedStderr.start()) {
			fleet.startReplica(Service.KEY_SERVICE, KEY_SERVICE, StackPorts.freePort(),
					Map.of(FakeServiceMain.EXIT_AFTER_MS, "500"));
			new ServiceSupervisor(fleet, testOptions().requests(), false).start();

			await().atMost(Duration.ofSeconds(20))
				.until(() -> !fleet.names().contains(KEY_SERVICE) && err.text().contains("unexpectedly"));
			await().during(SECOND_REPORT_WAIT)
				.atMost(SECOND_REPORT_WAIT.multipliedBy(2))
				.untilAsserted(() -> assertThat(err.text()).containsOnlyOnce("unexpectedly"));

			assertThat(err.text()).containsOnlyOnce("unexpectedly")
				.contains(KEY_SERVICE + " (pid")
				.contains("code 3")
				.contains(FakeServiceMain.CRASHING)
				.doesNotContain("{}");
			assertThat(testOptions().pids().resolve(KEY_SERVICE + ".pid")).doesNotExist();
		}
		finally {
			fleet.stopAll();
		}
	}

	@Test
	void aServiceStopsWhenTheJvmThatStartedItIsKilled() {
		FakeServiceJar.write(this.root, Service.KEY_SERVICE);
		ManagedProcess starter = ManagedProcess.start("fleet-starter",
				List.of(ManagedProcess.javaExecutable(), "-cp", System.getProperty("java.class.path"),
						FleetStarterMain.class.getName(), this.root.toString()),
				Map.of(), this.root.resolve("starter.log"));
		long servicePid = 0;
		try {
			starter.awaitCondition("the service is ready", Duration.ofSeconds(60),
					() -> starter.logTail(TAIL_LINES).contains(FleetStarterMain.PID_PREFIX));
			servicePid = Long.parseLong(
					starter.logTail(TAIL_LINES).replaceAll("(?s).*" + FleetStarterMain.PID_PREFIX + "(\\d+).*", "$1"));
			long service = servicePid;
			assertThat(isAlive(service)).isTrue();

			ProcessHandle.of(starter.pid()).ifPresent(ProcessHandle::destroyForcibly);

			await().atMost(Duration.ofSeconds(10)).until(() -> !isAlive(service));
		}
		finally {
			starter.stop();
			ProcessHandle.of(servicePid).ifPresent(ProcessHandle::destroyForcibly);
		}
	}

	@Test
	void stopsTheGatewayBeforeTheOtherServices() {
		FakeServiceJar.write(this.root, Service.KEY_SERVICE);
		FakeServiceJar.write(this.root, Service.API_GATEWAY);
		ServiceFleet fleet = new ServiceFleet(testOptions(), ENV);
		Map<String, Instant> exited = new ConcurrentHashMap<>();
		try {
			fleet.startReplica(Service.KEY_SERVICE, KEY_SERVICE, StackPorts.freePort(), Map.of());
			fleet.startReplica(Service.API_GATEWAY, GATEWAY, StackPorts.freePort(), Map.of());
			for (String name : List.of(KEY_SERVICE, GATEWAY)) {
				ProcessHandle.of(fleet.pid(name)).orElseThrow().onExit().thenRun(() -> exited.put(name, Instant.now()));
			}
		}
		finally {
			fleet.stopAll();
		}

		await().until(() -> exited.size() == 2);
		assertThat(exited.get(GATEWAY)).isBefore(exited.get(KEY_SERVICE));
	}

	@Test
	void keepsTheClassDataArchiveOfAServiceThatStoppedGracefully() {
		FakeServiceJar.write(this.root, Service.KEY_SERVICE);
		StackOptions sharing = new StackOptions(this.root, this.root.resolve("run"), StackPorts.free(), false, Map.of(),
				true, false, false);
		ServiceFleet fleet = new ServiceFleet(sharing, ENV);
		try {
			fleet.startReplica(Service.KEY_SERVICE, KEY_SERVICE, StackPorts.freePort(), Map.of());

			fleet.stop(KEY_SERVICE);

			assertThat(new ClassDataCache(sharing.classData()).writesArchive(KEY_SERVICE)).isFalse();
			fleet.startReplica(Service.KEY_SERVICE, KEY_SERVICE, StackPorts.freePort(), Map.of());
			assertThat(ProcessHandle.of(fleet.pid(KEY_SERVICE)).orElseThrow().info().commandLine().orElse(""))
				.contains("-XX:SharedArchiveFile=");
		}
		finally {
			fleet.stopAll();
		}
	}

	@Test
	void keepsNoClassDataArchiveOfAServiceStoppedBeforeItWasReady() {
		for (Service service : Service.values()) {
			FakeServiceJar.write(this.root, service);
		}
		StackOptions sharing = new StackOptions(this.root, this.root.resolve("run"), StackPorts.free(), false, Map.of(),
				true, false, false);
		ServiceFleet fleet = new ServiceFleet(sharing, ENV);
		try {
			fleet.startAll();
		}
		finally {
			fleet.stopAll();
		}

		ClassDataCache cache = new ClassDataCache(sharing.classData());
		assertThat(Service.values()).allMatch((service) -> cache.writesArchive(service.module()));
	}

	@Test
	void startsNothingOnceStopped() {
		FakeServiceJar.write(this.root, Service.KEY_SERVICE);
		ServiceFleet fleet = new ServiceFleet(testOptions(), ENV);
		fleet.stopAll();

		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> fleet.startReplica(Service.KEY_SERVICE, KEY_SERVICE, StackPorts.freePort(), Map.of()));
		assertThat(fleet.names()).isEmpty();
	}

	private StackOptions testOptions() {
		return StackOptions.forTests(this.root, this.root.resolve("run"), StackPorts.free());
	}

	private static boolean isAlive(long pid) {
		return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
	}

}
