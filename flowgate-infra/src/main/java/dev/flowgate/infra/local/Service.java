package dev.flowgate.infra.local;

import java.util.function.ToIntFunction;

/** The five Flowgate services, in the order they are started. */
public enum Service {

	KEY_SERVICE("key-service", StackPorts::keyService),

	DEPLOYMENT_SERVICE("deployment-service", StackPorts::deploymentService),

	FLOW_RUNNER("flow-runner-service", StackPorts::runner),

	DELIVERY_SERVICE("delivery-service", StackPorts::delivery),

	API_GATEWAY("api-gateway-service", StackPorts::gateway);

	private final String module;

	private final ToIntFunction<StackPorts> port;

	Service(String module, ToIntFunction<StackPorts> port) {
		this.module = module;
		this.port = port;
	}

	public String module() {
		return this.module;
	}

	public int port(StackPorts ports) {
		return this.port.applyAsInt(ports);
	}

}
