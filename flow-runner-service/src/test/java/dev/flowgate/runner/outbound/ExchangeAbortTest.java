package dev.flowgate.runner.outbound;

import java.io.InterruptedIOException;

import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.async.AsyncExecRuntime;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.ComplexFuture;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.junit.jupiter.api.Test;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The step right before Apache HttpClient's transport, and the abort it makes possible.
 */
class ExchangeAbortTest {

	private final HttpRequest request = new BasicHttpRequest("POST", "/charge");

	private final AsyncExecRuntime runtime = mock(AsyncExecRuntime.class);

	private final AsyncExecChain chain = mock(AsyncExecChain.class);

	private final AsyncExecCallback callback = mock(AsyncExecCallback.class);

	private final HttpClientContext context = HttpClientContext.create();

	private final ComplexFuture<Object> call = new ComplexFuture<>(null);

	private final AsyncExecChain.Scope scope = new AsyncExecChain.Scope("ex-1",
			new HttpRoute(new HttpHost("127.0.0.1", 8080)), this.request, this.call, this.context, this.runtime);

	@Test
	void sendsAnExchangeNobodyCalledOff() throws Exception {
		ExchangeAbort.KEEP_RUNTIME.execute(this.request, null, this.scope, this.chain, this.callback);

		verify(this.chain).proceed(this.request, null, this.scope, this.callback);
		verifyNoInteractions(this.runtime);
	}

	@Test
	void neverSendsAnExchangeCalledOffWhileItConnected() throws Exception {
		this.call.cancel(true);

		ExchangeAbort.KEEP_RUNTIME.execute(this.request, null, this.scope, this.chain, this.callback);

		verify(this.chain, never()).proceed(any(), any(), any(), any());
		verify(this.runtime).discardEndpoint();
		verify(this.callback).failed(any(InterruptedIOException.class));
	}

	@Test
	void abortClosesTheConnectionOfAnExchangeSent() throws Exception {
		ExchangeAbort.KEEP_RUNTIME.execute(this.request, null, this.scope, this.chain, this.callback);

		ExchangeAbort.abort(this.context);

		verify(this.runtime).discardEndpoint();
	}

	@Test
	void abortLeavesAnExchangeNotYetAtTheTransportToItsCancel() {
		ExchangeAbort.abort(this.context);

		verifyNoInteractions(this.runtime);
	}

}
