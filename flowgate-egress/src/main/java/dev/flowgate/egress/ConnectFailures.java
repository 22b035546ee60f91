package dev.flowgate.egress;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.apache.hc.client5.http.ConnectTimeoutException;

/**
 * Whether a call failed while connecting: nothing was sent, so the next of the host's
 * checked addresses may be tried (as the client does with a name it resolves itself).
 */
public final class ConnectFailures {

	private ConnectFailures() {
	}

	/**
	 * Refused, timed out, or no route to the host (an address family or network the
	 * machine cannot reach); looked for past the wrappers futures add.
	 */
	public static boolean isConnectFailure(Throwable failure) {
		Throwable cause = unwrapped(failure);
		return cause instanceof ConnectException || cause instanceof ConnectTimeoutException
				|| cause instanceof NoRouteToHostException;
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
