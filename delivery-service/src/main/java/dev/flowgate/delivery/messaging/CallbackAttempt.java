package dev.flowgate.delivery.messaging;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.flowgate.delivery.domain.callback.CallbackTarget;
import dev.flowgate.delivery.domain.callback.HttpPoster.PostResponse;
import dev.flowgate.egress.ConnectFailures;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;

/**
 * One callback attempt, bounded by one deadline from the host's lookup on. The request
 * goes to the addresses the lookup checked, in turn while connecting fails (as the client
 * would do with a name), and keeps the host name for the Host header and TLS. Once the
 * response's headers are in, its status decides: a body that streams on or stalls is
 * waited for {@code bodyWait} at most, and never past the deadline.
 */
final class CallbackAttempt {

	private final CloseableHttpAsyncClient client;

	private final CallbackTarget target;

	private final Map<String, String> headers;

	private final byte[] json;

	private final int snippetLimit;

	private final Duration bodyWait;

	/** The request in flight, cancelled at the deadline. */
	private volatile Future<PostResponse> call;

	/** Its response, as far as it came. */
	private volatile CappedResponseConsumer response;

	private volatile boolean overdue;

	CallbackAttempt(CloseableHttpAsyncClient client, CallbackTarget target, Map<String, String> headers, byte[] json,
			int snippetLimit, Duration bodyWait) {
		this.client = client;
		this.target = target;
		this.headers = headers;
		this.json = json;
		this.snippetLimit = snippetLimit;
		this.bodyWait = bodyWait;
	}

	/**
	 * @param lookup the host's lookup, cancelled once the attempt is over: one still
	 * waiting for a thread then is not made for this attempt
	 */
	CompletableFuture<PostResponse> start(CompletableFuture<List<InetAddress>> lookup, Duration timeout) {
		CompletableFuture<PostResponse> bounded = new CompletableFuture<>();
		bounded.whenComplete((response, ex) -> lookup.cancel(false));
		lookup.thenCompose((addresses) -> postTo(addresses, 0))
			.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
			.whenComplete((response, ex) -> {
				if (ex instanceof TimeoutException) {
					overdue(bounded, timeout);
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
		CappedResponseConsumer consumer = new CappedResponseConsumer(this.snippetLimit, this.bodyWait);
		this.response = consumer;
		Future<PostResponse> call = this.client.execute(host, request.build(), consumer, null, null,
				completing(result, consumer));
		this.call = call;
		consumer.answer().thenAccept(result::complete);
		// Answered before the body ended: the rest is not read, and cancelling closes the
		// connection rather than pooling it with unread data.
		result.whenComplete((answer, ex) -> {
			if (!call.isDone()) {
				call.cancel(true);
			}
		});
		if (this.overdue) {
			call.cancel(true);
		}
		if (index + 1 == addresses.size()) {
			return result;
		}
		return result.exceptionallyCompose((ex) -> ConnectFailures.isConnectFailure(ex) ? postTo(addresses, index + 1)
				: CompletableFuture.failedFuture(ex));
	}

	private void overdue(CompletableFuture<PostResponse> bounded, Duration timeout) {
		this.overdue = true;
		Future<PostResponse> current = this.call;
		CappedResponseConsumer consumer = this.response;
		PostResponse answer = (consumer != null) ? consumer.readSoFar() : null;
		if (current != null) {
			// Frees the connection of a server that never answers (or never ends).
			current.cancel(true);
		}
		if (answer != null) {
			// Its headers came in time: the status counts, whatever the body does.
			bounded.complete(answer);
		}
		else if (current == null) {
			bounded.completeExceptionally(new TimeoutException(
					"looking up " + this.target.host() + " took more than " + timeout.toMillis() + " ms"));
		}
		else {
			bounded.completeExceptionally(new TimeoutException("no response within " + timeout.toMillis() + " ms"));
		}
	}

	private static FutureCallback<PostResponse> completing(CompletableFuture<PostResponse> result,
			CappedResponseConsumer consumer) {
		return new FutureCallback<>() {

			@Override
			public void completed(PostResponse response) {
				result.complete(response);
			}

			@Override
			public void failed(Exception ex) {
				// Cut off after the headers: the status stands.
				PostResponse answer = consumer.readSoFar();
				if (answer != null) {
					result.complete(answer);
				}
				else {
					result.completeExceptionally(ex);
				}
			}

			@Override
			public void cancelled() {
				result.completeExceptionally(new TimeoutException("cancelled at the deadline"));
			}

		};
	}

}
