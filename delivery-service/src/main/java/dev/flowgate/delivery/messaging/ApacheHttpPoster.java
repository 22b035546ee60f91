package dev.flowgate.delivery.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.flowgate.delivery.config.DeliveryProperties;
import dev.flowgate.delivery.domain.callback.CallbackTarget;
import dev.flowgate.delivery.domain.callback.HttpPoster;
import dev.flowgate.egress.DestinationGuard;
import dev.flowgate.egress.GuardedLookups;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.io.CloseMode;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Callbacks over Apache HttpClient 5's async client: no thread waits on a lookup or a
 * response, and each attempt is cut off after the timeout, its lookup included, whatever
 * the server or its nameserver does.
 */
@Component
class ApacheHttpPoster implements HttpPoster, AutoCloseable {

	private final DestinationGuard guard;

	private final CloseableHttpAsyncClient client;

	private final ThreadPoolExecutor lookupThreads;

	private final GuardedLookups lookups;

	private final Duration timeout;

	private final int snippetLimit;

	private final Duration bodyWait;

	ApacheHttpPoster(DestinationGuard guard, DeliveryProperties properties) {
		this.guard = guard;
		this.client = CallbackHttpClient.create(guard, properties);
		this.lookupThreads = lookupThreads(properties.callback());
		this.lookups = new GuardedLookups(guard, this.lookupThreads);
		this.timeout = properties.callback().timeout();
		this.snippetLimit = Math.toIntExact(properties.callback().responseSnippetLimit().toBytes());
		this.bodyWait = properties.callback().bodyWait();
	}

	/**
	 * A bounded queue: a lookup finding it full fails at once (its attempt is put off)
	 * rather than wait behind names whose nameservers never answer, each holding a thread
	 * until the JVM's lookup gives up.
	 */
	private static ThreadPoolExecutor lookupThreads(DeliveryProperties.Callback callback) {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("callback-lookup-");
		threads.setDaemon(true);
		return new ThreadPoolExecutor(callback.lookupThreads(), callback.lookupThreads(), 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(callback.lookupQueue()), threads);
	}

	@Override
	public CompletableFuture<PostResponse> post(CallbackTarget target, Map<String, String> headers, byte[] json) {
		return new CallbackAttempt(this.client, target, headers, json, this.snippetLimit, this.bodyWait)
			.start(this.lookups.resolve(target.host()), this.timeout);
	}

	@Override
	public boolean refusesAtOnce(CallbackTarget target) {
		return this.guard.refusesLiteral(target.host());
	}

	@Override
	public void close() {
		// The dispatcher already waited for attempts in flight; the rest are abandoned to
		// their leases. Graceful: an immediate close races httpcore5's I/O threads, which
		// then log a ClosedSelectorException.
		this.client.close(CloseMode.GRACEFUL);
		this.lookupThreads.shutdownNow();
	}

}
