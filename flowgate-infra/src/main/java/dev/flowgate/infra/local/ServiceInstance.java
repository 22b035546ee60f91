package dev.flowgate.infra.local;

import java.net.URI;
import java.util.Map;

import dev.flowgate.infra.ManagedProcess;

/**
 * One process of a service as a {@link ServiceFleet} started it, with what a restart
 * starts again.
 *
 * @param writesArchive whether the process writes its class-data archive when it exits
 */
record ServiceInstance(Service service, String name, int port, Map<String, String> extraEnv, boolean writesArchive,
		ManagedProcess process) {

	/** What a restart of a service's own process starts when none of that name runs. */
	static ServiceInstance unstarted(String name, StackPorts ports) {
		for (Service service : Service.values()) {
			if (service.module().equals(name)) {
				return new ServiceInstance(service, name, service.port(ports), Map.of(), false, null);
			}
		}
		throw new IllegalArgumentException("No process named " + name);
	}

	URI readinessUrl() {
		return URI.create("http://127.0.0.1:" + this.port + "/actuator/health/readiness");
	}

}
