package dev.flowgate.runner.outbound;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;

import dev.flowgate.egress.ConnectFailures;
import dev.flowgate.egress.RequestTargets;
import dev.flowgate.runner.domain.node.NodeFailedException;
import dev.flowgate.runner.domain.node.http.HttpReply;
import dev.flowgate.runner.domain.node.http.OutboundRequest;
import dev.flowgate.runner.outbound.CappedBodyConsumer.BodyTooLargeException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;

/**
 * One request, sent to the given addresses in turn while connecting fails (as the client
 * would do with a name); the host name stays the Host header's, SNI's and the certificate
 * check's. Its reply completes on {@code completions}, never on the client's I/O threads,
 * and cancelling the reply aborts the exchange.
 */
final class PinnedExchange {

	private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");

	/**
	 * Sends of a request that never left: a burst can meet several connections a server
	 * has just closed, or a server shedding connections for a moment.
	 */
	private static final int MAX_UNSENT_RESENDS = 5;

	/**
	 * Resends, of either kind, after which an idempotent request closed on before its
	 * response is not sent again: twice, as a burst after a pause can meet two kept-alive
	 * connections the server is closing at that moment, and a third failure is the
	 * server's own.
	 */
	private static final int MAX_RESENDS_AFTER_SENDING = 2;

	/**
	 * The wait before the first resend, doubled for each next one (with jitter): sent
	 * again at once, a burst meets the same overloaded server again.
	 */
	private static final long FIRST_RESEND_DELAY_MILLIS = 50;

	private final CloseableHttpAsyncClient client;

	private final OutboundRequest request;

	private final List<InetAddress> addresses;

	private final long maxBytes;

	private final Duration connectTimeout;

	private final Executor completions;

	private final CompletableFuture<HttpReply> reply = new CompletableFuture<>();

	private volatile Future<HttpReply> call;

	/** That of the request last sent, which knows its connection. */
	private volatile HttpClientContext context;

	private volatile int resends;

	PinnedExchange(CloseableHttpAsyncClient client, OutboundRequest request, List<InetAddress> addresses, long maxBytes,
			Duration connectTimeout, Executor completions) {
		this.client = client;
		this.request = request;
		this.addresses = addresses;
		this.maxBytes = maxBytes;
		this.connectTimeout = connectTimeout;
		this.completions = completions;
	}

	CompletableFuture<HttpReply> start() {
		this.reply.whenComplete((result, failure) -> {
			Future<HttpReply> current = this.call;
			if (this.reply.isCancelled() && current != null) {
				current.cancel(true);
				ExchangeAbort.abort(this.context);
			}
		});
		sendTo(0);
		return this.reply;
	}

	/** Sends to the address at {@code index}; a client that refuses fails the reply. */
	private void sendTo(int index) {
		try {
			execute(index);
		}
		catch (RuntimeException ex) {
			settle(() -> this.reply.completeExceptionally(ex));
		}
	}

	private void execute(int index) {
		URI uri = this.request.uri();
		// No address: the client looks the name up itself.
		InetAddress address = this.addresses.isEmpty() ? null : this.addresses.get(index);
		HttpHost host = new HttpHost(uri.getScheme(), address, uri.getHost(), uri.getPort());
		AsyncRequestBuilder builder = AsyncRequestBuilder.create(this.request.method())
			.setHttpHost(host)
			.setPath(RequestTargets.pathAndQuery(uri));
		this.request.headers().forEach(builder::addHeader);
		if (this.request.body() != null) {
			builder.setEntity(AsyncEntityProducers.create(this.request.body(), null));
		}
		// The target given apart: the one the client derives from the request has no
		// address.
		HttpClientContext sending = HttpClientContext.create();
		this.context = sending;
		this.call = this.client.execute(host, builder.build(), new CappedBodyConsumer(this.maxBytes), null, sending,
				callback(index));
		if (this.reply.isCancelled()) {
			this.call.cancel(true);
			ExchangeAbort.abort(sending);
		}
	}

	private FutureCallback<HttpReply> callback(int index) {
		return new FutureCallback<>() {

			@Override
			public void completed(HttpReply result) {
				settle(() -> PinnedExchange.this.reply.complete(result));
			}

			@Override
			public void failed(Exception ex) {
				if (ConnectFailures.isConnectFailure(ex) && index + 1 < PinnedExchange.this.addresses.size()) {
					sendTo(index + 1);
					return;
				}
				if (mayResend(ex)) {
					resendLater(index);
					return;
				}
				Throwable failure = explained(ex);
				settle(() -> PinnedExchange.this.reply.completeExceptionally(failure));
			}

			@Override
			public void cancelled() {
				PinnedExchange.this.reply.cancel(true);
			}

		};
	}

	/** Sends again after a growing, jittered wait, on the completions' threads. */
	private void resendLater(int index) {
		long delay = (FIRST_RESEND_DELAY_MILLIS << this.resends) * ThreadLocalRandom.current().nextLong(50, 151) / 100;
		this.resends++;
		try {
			CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS, this.completions).execute(() -> {
				if (!this.reply.isDone()) {
					sendTo(index);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			settle(() -> this.reply.completeExceptionally(ex));
		}
	}

	private void settle(Runnable completion) {
		try {
			this.completions.execute(completion);
		}
		catch (RejectedExecutionException ex) {
			// The runner is stopping: whoever waits hears now.
			completion.run();
		}
	}

	private Throwable explained(Exception ex) {
		if (ex instanceof BodyTooLargeException tooLarge) {
			return NodeFailedException.permanent(tooLarge.getMessage());
		}
		if (ex instanceof NoRouteToHostException) {
			ConnectException unreachable = new ConnectException(ex.getMessage());
			unreachable.initCause(ex);
			return unreachable;
		}
		if (ex instanceof ConnectTimeoutException) {
			return new ConnectException("connect timed out after " + this.connectTimeout.toMillis() + " ms");
		}
		return ex;
	}

	/**
	 * A request the connection closed on before it was sent, a few times; an idempotent
	 * one it closed on before the response at most twice (a kept-alive connection the
	 * server had just dropped, a server shedding a burst of connections).
	 */
	private boolean mayResend(Exception ex) {
		if (this.reply.isDone()) {
			return false;
		}
		if (ex instanceof RequestNotExecutedException) {
			return this.resends < MAX_UNSENT_RESENDS;
		}
		boolean closed = ex instanceof ConnectionClosedException || ex instanceof NoHttpResponseException
				|| (ex instanceof SocketException && !ConnectFailures.isConnectFailure(ex));
		return closed && this.resends < MAX_RESENDS_AFTER_SENDING && IDEMPOTENT.contains(this.request.method());
	}

}
