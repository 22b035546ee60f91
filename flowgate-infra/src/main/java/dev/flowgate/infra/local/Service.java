package dev.flowgate.infra.local;

import java.util.function.ToIntFunction;

/** The five Flowgate services, in the order they are started. */
public enum Service {

	KEY_SERVICE("key-service", StackPorts::keyService, true),

	DEPLOYMENT_SERVICE("deployment-service", StackPorts::deploymentService, true),

	FLOW_RUNNER("flow-runner-service", StackPorts::runner, false),

	DELIVERY_SERVICE("delivery-service", StackPorts::delivery, true),

	API_GATEWAY("api-gateway-service", StackPorts::gateway, false);

	private final String module;

	private final ToIntFunction<StackPorts> port;

	private final boolean background;

	Service(String module, ToIntFunction<StackPorts> port, boolean background) {
		this.module = module;
		this.port = port;
		this.background = background;
	}

	/**
	 * Whether the service is off the request path: a sync call waits for the gateway, the
	 * runner and Kafka only; key-, deployment- and delivery-service catch up behind it.
	 */
	public boolean background() {
		return this.background;
	}

	public String module() {
		return this.module;
	}

	public int port(StackPorts ports) {
		return this.port.applyAsInt(ports);
	}

}
