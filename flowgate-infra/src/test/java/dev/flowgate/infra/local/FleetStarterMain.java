package dev.flowgate.infra.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * A JVM that starts a (fake) key-service and then waits, for the test that the service
 * dies with the JVM that started it.
 */
final class FleetStarterMain {

	static final String PID_PREFIX = "service-pid=";

	private FleetStarterMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		Path root = Path.of(args[0]);
		StackOptions options = StackOptions.forTests(root, root.resolve("run"), StackPorts.free());
		ServiceFleet fleet = new ServiceFleet(options, (port) -> Map.of("FLOWGATE_PORT", Integer.toString(port)));
		fleet.startReplica(Service.KEY_SERVICE, Service.KEY_SERVICE.module(), StackPorts.freePort(), Map.of());
		System.out.println(PID_PREFIX + fleet.pid(Service.KEY_SERVICE.module()));
		Thread.sleep(Long.MAX_VALUE);
	}

}
