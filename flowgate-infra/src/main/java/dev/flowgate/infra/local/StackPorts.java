package dev.flowgate.infra.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.flowgate.infra.FreePort;

/** The ports of one local stack: fixed for {@code ./flowgate up}, free ones for tests. */
public record StackPorts(int kafka, int kafkaController, int mongo, int smtp, int mailApi, int gateway, int keyService,
		int deploymentService, int runner, int delivery) {

	public static StackPorts defaults() {
		return new StackPorts(19092, 19093, 27018, 3025, 8025, 8080, 8081, 8082, 8083, 8084);
	}

	public static StackPorts free() {
		return new StackPorts(freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(),
				freePort(), freePort(), freePort());
	}

	public static int freePort() {
		return FreePort.find();
	}

	/** What listens on each port, in start order. */
	public Map<String, Integer> byUser() {
		Map<String, Integer> ports = new LinkedHashMap<>();
		ports.put("Kafka", this.kafka);
		ports.put("the Kafka controller", this.kafkaController);
		ports.put("MongoDB", this.mongo);
		ports.put("SMTP", this.smtp);
		ports.put("the mail API", this.mailApi);
		ports.put("api-gateway-service", this.gateway);
		ports.put("key-service", this.keyService);
		ports.put("deployment-service", this.deploymentService);
		ports.put("flow-runner-service", this.runner);
		ports.put("delivery-service", this.delivery);
		return ports;
	}

	/**
	 * Fails before anything starts when another program holds one of the ports, rather
	 * than with a service that dies half-way through the start.
	 * @throws PortsInUseException naming each port taken and what it is for
	 */
	public void requireFree() {
		List<String> taken = byUser().entrySet()
			.stream()
			.filter((port) -> !FreePort.isFree(port.getValue()))
			.map((port) -> port.getValue() + " (" + port.getKey() + ")")
			.toList();
		if (!taken.isEmpty()) {
			throw new PortsInUseException(taken);
		}
	}

}
