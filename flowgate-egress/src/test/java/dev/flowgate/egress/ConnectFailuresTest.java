package dev.flowgate.egress;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectFailuresTest {

	@Test
	void refusedTimedOutAndUnroutableConnectionsAreConnectFailures() {
		assertThat(ConnectFailures.isConnectFailure(new ConnectException("Connection refused"))).isTrue();
		assertThat(ConnectFailures.isConnectFailure(new HttpHostConnectException("Connection refused"))).isTrue();
		assertThat(ConnectFailures.isConnectFailure(new ConnectTimeoutException("Connect timed out"))).isTrue();
		assertThat(ConnectFailures.isConnectFailure(new NoRouteToHostException("No route to host"))).isTrue();
	}

	@Test
	void anUnreachableNetworkIsAConnectFailure() {
		// What the JDK raises on Linux and macOS for an IPv6 address without an IPv6
		// route.
		assertThat(ConnectFailures.isConnectFailure(new SocketException("Network is unreachable"))).isTrue();
		assertThat(ConnectFailures.isConnectFailure(new SocketException("Network is unreachable: connect"))).isTrue();
		assertThat(ConnectFailures.isConnectFailure(new SocketException("Protocol family unavailable"))).isTrue();
	}

	@Test
	void looksPastTheWrappersOfFutures() {
		Throwable wrapped = new CompletionException(
				new ExecutionException(new NoRouteToHostException("No route to host")));

		assertThat(ConnectFailures.isConnectFailure(wrapped)).isTrue();
	}

	@Test
	void aFailureOnAConnectionMadeIsNot() {
		assertThat(ConnectFailures.isConnectFailure(new SocketException("Connection reset"))).isFalse();
		assertThat(ConnectFailures.isConnectFailure(new ConnectionClosedException())).isFalse();
		assertThat(ConnectFailures.isConnectFailure(new CompletionException(new IOException("Broken pipe")))).isFalse();
		assertThat(ConnectFailures.isConnectFailure(new CompletionException(null))).isFalse();
	}

}
