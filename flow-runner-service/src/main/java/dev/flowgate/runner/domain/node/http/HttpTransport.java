package dev.flowgate.runner.domain.node.http;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sends node requests without a thread waiting on them. Cancelling the returned future
 * aborts the exchange.
 */
public interface HttpTransport {

	/**
	 * @param addresses where to connect, in turn while connecting fails: the addresses
	 * the guard checked, so that the name is not looked up again between the check and
	 * the connection (DNS rebinding); empty to look the host up (the operator's own
	 * endpoint)
	 * @param maxBytes a longer body fails the exchange
	 * @return the reply; fails with a {@link java.net.ConnectException} when no address
	 * took the connection in time, with a
	 * {@link dev.flowgate.runner.domain.node.NodeFailedException} when the body is too
	 * large
	 */
	CompletableFuture<HttpReply> send(OutboundRequest request, List<InetAddress> addresses, long maxBytes);

}
