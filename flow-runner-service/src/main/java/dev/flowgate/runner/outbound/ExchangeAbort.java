package dev.flowgate.runner.outbound;

import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.client5.http.async.AsyncExecRuntime;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;

/**
 * Aborts an exchange in flight by closing its connection. Cancelling the client's future
 * alone leaves a request that connected very fast running: the connect step hands the
 * future its own cancellable after the exchange already started, replacing the
 * exchange's, so the cancel reaches only the finished connect, and a server that never
 * answers holds the connection (and its place in the pool) for ever.
 */
final class ExchangeAbort {

	private static final String RUNTIME = ExchangeAbort.class.getName() + ".runtime";

	/** Keeps each exchange's runtime in its context, right before it is sent. */
	private static final AsyncExecChainHandler KEEP_RUNTIME = (request, entity, scope, chain, callback) -> {
		scope.clientContext.setAttribute(RUNTIME, scope.execRuntime);
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
