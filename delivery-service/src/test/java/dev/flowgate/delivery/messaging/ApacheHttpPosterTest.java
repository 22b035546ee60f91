package dev.flowgate.delivery.messaging;

import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.flowgate.delivery.config.DeliveryProperties;
import dev.flowgate.delivery.domain.callback.CallbackTarget;
import dev.flowgate.delivery.domain.callback.HttpPoster.PostResponse;
import dev.flowgate.egress.AddressPolicy;
import dev.flowgate.egress.DestinationGuard;
import dev.flowgate.egress.HostResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Host lookups wait in a bounded queue: names whose nameserver never answers cannot hold
 * up everyone else's callbacks behind them.
 */
class ApacheHttpPosterTest {

	private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);

	private static final Duration FAST = Duration.ofSeconds(1);

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	/** An attempt's deadline short enough to pass while its lookup waits. */
	private static final Duration SHORT_TIMEOUT = Duration.ofSeconds(1);

	private final CountDownLatch nameserverAnswers = new CountDownLatch(1);

	private final List<String> asked = new CopyOnWriteArrayList<>();

	private final HostResolver blackHoled = (host) -> {
		this.asked.add(host);
		try {
			this.nameserverAnswers.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		throw new UnknownHostException(host);
	};

	private final List<ApacheHttpPoster> posters = new CopyOnWriteArrayList<>();

	private final ApacheHttpPoster poster = poster(TIMEOUT);

	@AfterEach
	void close() {
		this.nameserverAnswers.countDown();
		this.posters.forEach(ApacheHttpPoster::close);
	}

	@Test
	void aCallbackWhoseLookupFindsTheQueueFullFailsAtOnce() {
		// The one lookup thread and the one place in the queue.
		this.poster.post(CallbackTarget.parse("https://a.black-holed.example/hook"), Map.of(), BODY);
		this.poster.post(CallbackTarget.parse("https://b.black-holed.example/hook"), Map.of(), BODY);

		CompletableFuture<PostResponse> other = this.poster.post(CallbackTarget.parse("https://hooks.example.com/in"),
				Map.of(), BODY);

		assertThat(other).failsWithin(FAST)
			.withThrowableThat()
			.havingRootCause()
			.isInstanceOf(RejectedExecutionException.class);
	}

	@Test
	void dropsLookupWhoseCallerGaveUp() {
		ApacheHttpPoster poster = poster(SHORT_TIMEOUT);
		// Holds the one lookup thread.
		poster.post(CallbackTarget.parse("https://a.black-holed.example/hook"), Map.of(), BODY);
		await().untilAsserted(() -> assertThat(this.asked).containsExactly("a.black-holed.example"));
		CompletableFuture<PostResponse> gaveUp = poster.post(CallbackTarget.parse("https://b.black-holed.example/hook"),
				Map.of(), BODY);
		assertThat(gaveUp).failsWithin(SHORT_TIMEOUT.multipliedBy(10))
			.withThrowableThat()
			.havingRootCause()
			.isInstanceOf(TimeoutException.class);

		// Its place in the queue is free again, and its host is never looked up.
		poster.post(CallbackTarget.parse("https://hooks.example.com/in"), Map.of(), BODY);
		this.nameserverAnswers.countDown();

		await().untilAsserted(() -> assertThat(this.asked).contains("hooks.example.com"));
		assertThat(this.asked).containsExactly("a.black-holed.example", "hooks.example.com");
	}

	private ApacheHttpPoster poster(Duration timeout) {
		ApacheHttpPoster poster = new ApacheHttpPoster(
				new DestinationGuard(this.blackHoled, AddressPolicy.allowing(List.of()), "Callback host"),
				properties(timeout));
		this.posters.add(poster);
		return poster;
	}

	private static DeliveryProperties properties(Duration timeout) {
		Map<String, String> source = new HashMap<>();
		source.put("flowgate.delivery.callback.timeout", timeout.toMillis() + "ms");
		source.put("flowgate.delivery.callback.connect-timeout", "5s");
		source.put("flowgate.delivery.callback.response-snippet-limit", "1KB");
		source.put("flowgate.delivery.callback.body-wait", "2s");
		source.put("flowgate.delivery.callback.user-agent", "test");
		source.put("flowgate.delivery.callback.max-idle", "30s");
		source.put("flowgate.delivery.callback.lookup-threads", "1");
		source.put("flowgate.delivery.callback.lookup-queue", "1");
		source.put("flowgate.delivery.dispatch.max-in-flight", "8");
		source.put("flowgate.delivery.dispatch.max-in-flight-per-destination", "2");
		// Not used here, but every configuration must name the schedules' intervals.
		source.put("flowgate.delivery.callback.breaker-idle-after", "1h");
		source.put("flowgate.delivery.dispatch.poll-interval", "1s");
		source.put("flowgate.delivery.dispatch.failure-republish-interval", "30s");
		return new Binder(new MapConfigurationPropertySource(source))
			.bind("flowgate.delivery", DeliveryProperties.class)
			.get();
	}

}
