package dev.flowgate.infra.local;

import java.util.function.ToIntFunction;

/** The five Flowgate services, in the order they are started. */
public enum Service {

	KEY_SERVICE("key-service", StackPorts::keyService, Service.RECORDS),

	DEPLOYMENT_SERVICE("deployment-service", StackPorts::deploymentService, Service.RECORDS),

	FLOW_RUNNER("flow-runner-service", StackPorts::runner, Service.RUNS),

	DELIVERY_SERVICE("delivery-service", StackPorts::delivery, Service.RECORDS),

	API_GATEWAY("api-gateway-service", StackPorts::gateway, Service.ACCEPTS);

	// CPU priorities (nice levels) on one machine: accepting a call comes first, running
	// its flow next, recording, counting and delivering behind both
	// (docs/performance.md).
	private static final int ACCEPTS = 0;

	private static final int RUNS = 5;

	private static final int RECORDS = 10;

	private final String module;

	private final ToIntFunction<StackPorts> port;

	private final int niceness;

	Service(String module, ToIntFunction<StackPorts> port, int niceness) {
		this.module = module;
		this.port = port;
		this.niceness = niceness;
	}

	/**
	 * The service's CPU priority as a nice level. The gateway (with Kafka) goes first: an
	 * async call is answered once its trigger is in Kafka. The runner is next: a sync
	 * call waits for it too, but one call alone finds the cores free whatever the
	 * priorities. Key-, deployment- and delivery-service are off the request path and
	 * catch up behind.
	 */
	public int niceness() {
		return this.niceness;
	}

	public String module() {
		return this.module;
	}

	public int port(StackPorts ports) {
		return this.port.applyAsInt(ports);
	}

}
