package dev.flowgate.delivery.messaging;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import dev.flowgate.delivery.domain.callback.CallbackTarget;
import dev.flowgate.delivery.domain.callback.HttpPoster.PostResponse;
import dev.flowgate.delivery.support.Receiver;
import dev.flowgate.egress.EgressClients;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.function.Supplier;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.nio.AsyncPushConsumer;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.HandlerFactory;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorStatus;
import org.apache.hc.core5.util.TimeValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One attempt goes to the host's checked addresses in turn while connecting fails. */
class CallbackAttemptTest {

	private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final Receiver receiver = Receiver.start();

	private final CloseableHttpAsyncClient client = EgressClients.builder(Duration.ofSeconds(30)).build();

	@AfterEach
	void close() {
		this.client.close(CloseMode.GRACEFUL);
		this.receiver.close();
	}

	@Test
	void triesTheNextAddressWhenTheFirstHasNoRoute() throws IOException {
		this.client.start();
		InetAddress unroutable = InetAddress.getByAddress("receiver.example", new byte[] { (byte) 192, 0, 2, 1 });
		InetAddress receiverAddress = InetAddress.getByAddress("receiver.example", new byte[] { 127, 0, 0, 1 });
		CallbackTarget target = CallbackTarget.parse("http://receiver.example:" + this.receiver.port() + "/hook");

		CompletableFuture<PostResponse> response = new CallbackAttempt(new NoRouteTo(unroutable, this.client), target,
				Map.of(), BODY, 1024, Duration.ofSeconds(1))
			.start(CompletableFuture.completedFuture(List.of(unroutable, receiverAddress)), WAIT);

		assertThat(response).succeedsWithin(WAIT).extracting(PostResponse::statusCode).isEqualTo(204);
		assertThat(this.receiver.requests()).hasSize(1);
	}

	/**
	 * The client, but an address behind a router that answers "host unreachable": no test
	 * machine has a route that reliably does.
	 */
	private static final class NoRouteTo extends CloseableHttpAsyncClient {

		private final InetAddress unroutable;

		private final CloseableHttpAsyncClient client;

		NoRouteTo(InetAddress unroutable, CloseableHttpAsyncClient client) {
			this.unroutable = unroutable;
			this.client = client;
		}

		@Override
		protected <T> Future<T> doExecute(HttpHost target, AsyncRequestProducer producer,
				AsyncResponseConsumer<T> consumer, HandlerFactory<AsyncPushConsumer> pushes, HttpContext context,
				FutureCallback<T> callback) {
			if (this.unroutable.equals(target.getAddress())) {
				NoRouteToHostException unreachable = new NoRouteToHostException("No route to host");
				callback.failed(unreachable);
				return CompletableFuture.failedFuture(unreachable);
			}
			return this.client.execute(target, producer, consumer, pushes, context, callback);
		}

		@Override
		public void start() {
			this.client.start();
		}

		@Override
		public IOReactorStatus getStatus() {
			return this.client.getStatus();
		}

		@Override
		public void awaitShutdown(TimeValue waitTime) throws InterruptedException {
			this.client.awaitShutdown(waitTime);
		}

		@Override
		public void initiateShutdown() {
			this.client.initiateShutdown();
		}

		@Override
		public void register(String hostname, String uriPattern, Supplier<AsyncPushConsumer> supplier) {
			this.client.register(hostname, uriPattern, supplier);
		}

		@Override
		public void close(CloseMode closeMode) {
			this.client.close(closeMode);
		}

		@Override
		public void close() throws IOException {
			this.client.close();
		}

	}

}
