package dev.flowgate.infra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

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
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
