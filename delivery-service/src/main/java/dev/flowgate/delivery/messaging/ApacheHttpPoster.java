package dev.flowgate.delivery.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.flowgate.delivery.config.DeliveryProperties;
import dev.flowgate.delivery.domain.callback.CallbackTarget;
import dev.flowgate.delivery.domain.callback.HttpPoster;
import dev.flowgate.egress.DestinationGuard;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;
import org.apache.hc.core5.io.CloseMode;

import org.springframework.stereotype.Component;

/**
 * Callbacks over Apache HttpClient 5's async client: no thread waits on a response, and
 * each call is cut off after the timeout whatever the server does.
 */
@Component
class ApacheHttpPoster implements HttpPoster, AutoCloseable {

	private final CloseableHttpAsyncClient client;

	private final Duration timeout;

	private final int snippetLimit;

	ApacheHttpPoster(DestinationGuard guard, DeliveryProperties properties) {
		this.client = CallbackHttpClient.create(guard, properties);
		this.timeout = properties.callback().timeout();
		this.snippetLimit = Math.toIntExact(properties.callback().responseSnippetLimit().toBytes());
	}

	@Override
	public CompletableFuture<PostResponse> post(CallbackTarget target, Map<String, String> headers, byte[] json) {
		AsyncRequestBuilder request = AsyncRequestBuilder.post()
			.setHttpHost(new HttpHost(target.scheme(), target.host(), target.port()))
			.setPath(target.pathAndQuery())
			.setEntity(json, ContentType.APPLICATION_JSON);
		headers.forEach(request::setHeader);
		return execute(request.build());
	}

	private CompletableFuture<PostResponse> execute(AsyncRequestProducer request) {
		CompletableFuture<PostResponse> result = new CompletableFuture<>();
		Future<PostResponse> call = this.client.execute(request, new CappedResponseConsumer(this.snippetLimit),
				new FutureCallback<>() {

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
						result.completeExceptionally(timedOut());
					}

				});
		CompletableFuture<PostResponse> bounded = new CompletableFuture<>();
		result.orTimeout(this.timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((response, ex) -> {
			if (ex instanceof TimeoutException) {
				// Frees the connection of a server that never answers.
				call.cancel(true);
				bounded.completeExceptionally(timedOut());
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

	@Override
	public void close() {
		// The dispatcher already waited for attempts in flight; the rest are abandoned to
		// their leases. Graceful: an immediate close races httpcore5's I/O threads, which
		// then log a ClosedSelectorException.
		this.client.close(CloseMode.GRACEFUL);
	}

	private TimeoutException timedOut() {
		return new TimeoutException("no response within " + this.timeout.toMillis() + " ms");
	}

}
