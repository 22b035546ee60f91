package dev.flowgate.runner.outbound;

import java.io.InterruptedIOException;

import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.client5.http.async.AsyncExecRuntime;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;

/**
 * Aborts an exchange in flight by closing its connection, and keeps one called off while
 * it connected from being sent at all. Cancelling the client's future alone does neither
 * for a request that connected very fast: the connect step hands the future its own
 * cancellable after the exchange already started, replacing the exchange's, so the cancel
 * reaches only the finished connect. A server that never answers then held the connection
 * (and its place in the pool) for ever, and a node called off could still send its
 * {@code POST}.
 */
final class ExchangeAbort {

	private static final String RUNTIME = ExchangeAbort.class.getName() + ".runtime";

	/**
	 * Right before an exchange is sent: keeps its runtime in its context, then sends it
	 * unless it was called off meanwhile. A cancel in between finds the runtime.
	 */
	static final AsyncExecChainHandler KEEP_RUNTIME = (request, entity, scope, chain, callback) -> {
		scope.clientContext.setAttribute(RUNTIME, scope.execRuntime);
		if (scope.cancellableDependency.isCancelled()) {
			scope.execRuntime.discardEndpoint();
			callback.failed(new InterruptedIOException("called off before it was sent"));
			return;
		}
		chain.proceed(request, entity, scope, callback);
	};

	private ExchangeAbort() {
	}

	static HttpAsyncClientBuilder installedIn(HttpAsyncClientBuilder builder) {
		return builder.addExecInterceptorBefore(ChainElement.MAIN_TRANSPORT.name(), RUNTIME, KEEP_RUNTIME);
	}

	/** Closes the connection of the exchange sent with {@code context}, if it has one. */
	static void abort(HttpClientContext context) {
		if (context.getAttribute(RUNTIME) instanceof AsyncExecRuntime runtime) {
			runtime.discardEndpoint();
		}
	}

}
