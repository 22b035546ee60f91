package dev.flowgate.egress;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.apache.hc.client5.http.ConnectTimeoutException;

/**
 * Whether a call failed while connecting: nothing was sent, so the next of the host's
 * checked addresses may be tried (as the client does with a name it resolves itself).
 */
public final class ConnectFailures {

	/**
	 * What the JDK says, in a plain {@link SocketException}, when connect() fails with
	 * ENETUNREACH or EAFNOSUPPORT: an IPv6 address on a machine (or container) without an
	 * IPv6 route, whose host may well answer on its next, IPv4 address. The message is
	 * the only sign the JDK gives.
	 */
	private static final List<String> UNREACHABLE_NETWORK = List.of("network is unreachable",
			"protocol family unavailable", "address family not supported");

	private ConnectFailures() {
	}

	/**
	 * Refused, timed out, or no route to the host or its network (an address family or
	 * network the machine cannot reach); looked for past the wrappers futures add.
	 */
	public static boolean isConnectFailure(Throwable failure) {
		Throwable cause = unwrapped(failure);
		return cause instanceof ConnectException || cause instanceof ConnectTimeoutException
				|| cause instanceof NoRouteToHostException || isUnreachableNetwork(cause);
	}

	private static boolean isUnreachableNetwork(Throwable cause) {
		if (cause == null || cause.getClass() != SocketException.class || cause.getMessage() == null) {
			return false;
		}
		String message = cause.getMessage().toLowerCase(Locale.ROOT);
		return UNREACHABLE_NETWORK.stream().anyMatch(message::contains);
	}

	private static Throwable unwrapped(Throwable failure) {
		Throwable current = failure;
		while ((current instanceof CompletionException || current instanceof ExecutionException)
				&& current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

}
