package dev.flowgate.infra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Cheap checks of whether a broker is up, and the wait until it is. */
final class BrokerProbe {

	private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);

	private static final Duration ADMIN_CALL_TIMEOUT = Duration.ofSeconds(2);

	private BrokerProbe() {
	}

	/**
	 * Waits until the broker on 127.0.0.1:{@code port} accepts connections, then until it
	 * answers the admin API; fails fast with its log tail if it dies.
	 */
	static void awaitReady(ManagedProcess broker, int port, Duration timeout) {
		String bootstrapServers = "127.0.0.1:" + port;
		broker.awaitCondition(bootstrapServers + " accepts connections", timeout, () -> accepts(port));
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			broker.awaitCondition(bootstrapServers + " answers the admin API", timeout, () -> answers(admin));
		}
	}

	/** Whether something accepts TCP connections on 127.0.0.1:{@code port}. */
	static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), (int) CONNECT_TIMEOUT.toMillis());
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Whether the cluster answers the admin API with at least one node. */
	static boolean answers(Admin admin) {
		try {
			return !admin.describeCluster().nodes().get(ADMIN_CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).isEmpty();
		}
		catch (ExecutionException | TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the Kafka broker", ex);
		}
	}

}
