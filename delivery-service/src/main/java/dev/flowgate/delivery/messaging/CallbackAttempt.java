package dev.flowgate.delivery.messaging;

import java.net.ConnectException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.flowgate.delivery.domain.callback.CallbackTarget;
import dev.flowgate.delivery.domain.callback.HttpPoster.PostResponse;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;

/**
 * One callback attempt, bounded by one deadline from the host's lookup on. The request
 * goes to the addresses the lookup checked, in turn while connecting fails (as the client
 * would do with a name), and keeps the host name for the Host header and TLS.
 */
final class CallbackAttempt {

	private final CloseableHttpAsyncClient client;

	private final CallbackTarget target;

	private final Map<String, String> headers;

	private final byte[] json;

	private final int snippetLimit;

	/** The request in flight, cancelled at the deadline. */
	private volatile Future<PostResponse> call;

	private volatile boolean overdue;

	CallbackAttempt(CloseableHttpAsyncClient client, CallbackTarget target, Map<String, String> headers, byte[] json,
			int snippetLimit) {
		this.client = client;
		this.target = target;
		this.headers = headers;
		this.json = json;
		this.snippetLimit = snippetLimit;
	}

	CompletableFuture<PostResponse> start(CompletableFuture<List<InetAddress>> lookup, Duration timeout) {
		CompletableFuture<PostResponse> bounded = new CompletableFuture<>();
		lookup.thenCompose((addresses) -> postTo(addresses, 0))
			.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
			.whenComplete((response, ex) -> {
				if (ex instanceof TimeoutException) {
					bounded.completeExceptionally(timedOut(timeout));
				}
				else if (ex != null) {
					bounded.completeExceptionally(ex);
				}
				else {
					bounded.complete(response);
				}
			});
		return bounded;
	}

	private CompletableFuture<PostResponse> postTo(List<InetAddress> addresses, int index) {
		HttpHost host = new HttpHost(this.target.scheme(), addresses.get(index), this.target.host(),
				this.target.port());
		AsyncRequestBuilder request = AsyncRequestBuilder.post()
			.setHttpHost(host)
			.setPath(this.target.pathAndQuery())
			.setEntity(this.json, ContentType.APPLICATION_JSON);
		this.headers.forEach(request::setHeader);
		CompletableFuture<PostResponse> result = new CompletableFuture<>();
		this.call = this.client.execute(host, request.build(), new CappedResponseConsumer(this.snippetLimit), null,
				null, completing(result));
		if (this.overdue) {
			this.call.cancel(true);
		}
		if (index + 1 == addresses.size()) {
			return result;
		}
		return result.exceptionallyCompose(
				(ex) -> isConnectFailure(ex) ? postTo(addresses, index + 1) : CompletableFuture.failedFuture(ex));
	}

	private TimeoutException timedOut(Duration timeout) {
		this.overdue = true;
		Future<PostResponse> current = this.call;
		if (current == null) {
			return new TimeoutException(
					"looking up " + this.target.host() + " took more than " + timeout.toMillis() + " ms");
		}
		// Frees the connection of a server that never answers.
		current.cancel(true);
		return new TimeoutException("no response within " + timeout.toMillis() + " ms");
	}

	private static boolean isConnectFailure(Throwable failure) {
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		return cause instanceof ConnectException || cause instanceof ConnectTimeoutException;
	}

	private static FutureCallback<PostResponse> completing(CompletableFuture<PostResponse> result) {
		return new FutureCallback<>() {

			@Override
			public void completed(PostResponse response) {
				result.complete(response);
			}

			@Override
			public void failed(Exception ex) {
				result.completeExceptionally(ex);
			}

			@Override
			public void cancelled() {
				result.completeExceptionally(new TimeoutException("cancelled at the deadline"));
			}

		};
	}

}
