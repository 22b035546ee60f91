package dev.flowgate.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A port free on this machine right now, for servers that must know their port up front.
 * Chosen below the kernel's ephemeral range, where outgoing connections take their source
 * ports from: a port picked there (as binding port 0 does) can be taken by some client's
 * connection in the seconds before its server binds it.
 */
public final class FreePort {

	private static final int LOWEST = 10_000;

	// Linux's default start; macOS and Windows start higher.
	private static final int DEFAULT_EPHEMERAL_START = 32_768;

	private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

	private static final int ATTEMPTS = 500;

	// Free but not bound yet: not handed out twice by this process.
	private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

	private FreePort() {
	}

	public static int find() {
		int end = ephemeralStart();
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			int port = ThreadLocalRandom.current().nextInt(LOWEST, end);
			if (!HANDED_OUT.contains(port) && isFree(port) && HANDED_OUT.add(port)) {
				return port;
			}
		}
		return anyFree();
	}

	static int ephemeralStart() {
		try {
			int start = Integer.parseInt(Files.readString(EPHEMERAL_RANGE).trim().split("\\s+")[0]);
			return (start > LOWEST + ATTEMPTS) ? start : DEFAULT_EPHEMERAL_START;
		}
		catch (IOException | RuntimeException ex) {
			return DEFAULT_EPHEMERAL_START;
		}
	}

	/** Whether a server could bind {@code port} now. */
	public static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int anyFree() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port on 127.0.0.1", ex);
		}
	}

}
