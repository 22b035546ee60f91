package dev.flowgate.delivery.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.flowgate.contracts.DeliveryChannel;
import dev.flowgate.contracts.DeliveryFailed;
import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.delivery.support.Deliveries;
import dev.flowgate.delivery.support.DeliveryIntegrationTest;
import dev.flowgate.delivery.support.FailedDeliveries;
import dev.flowgate.delivery.support.Receiver;
import dev.flowgate.delivery.support.Receiver.Reply;
import dev.flowgate.delivery.support.Receiver.Request;
import dev.flowgate.delivery.support.Results;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.TaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Failed callbacks are retried on the (shortened) schedule from MongoDB until they
 * succeed or run out of attempts. The test schedule has 5 attempts: 0, 200, 300, 300, 300
 * ms; 600 ms after a timeout or 429; a 1.5 s timeout.
 */
@DeliveryIntegrationTest
class CallbackRetryTest {

	private static final int ATTEMPTS = 5;

	private static final Duration LONG_TASK = Duration.ofSeconds(20);

	@Autowired
	private Deliveries deliveries;

	@Autowired
	private TaskScheduler scheduler;

	@RegisterExtension
	final Receiver receiver = Receiver.start();

	private final String owner = "owner-" + UUID.randomUUID();

	@Test
	void retriesUntilTheReceiverIsBackAndEveryAttemptCarriesTheSameWebhookId() {
		// Down for the first two attempts of every delivery, then back.
		Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
		this.receiver
			.respond((request) -> (seen.computeIfAbsent(request.header("webhook-id"), (id) -> new AtomicInteger())
				.incrementAndGet() <= 2) ? Reply.status(503) : Reply.status(200));
		// One owner each: their 8 failed calls to one owner's destination would open its
		// breaker (after 6 here), whose 1 s outlasts the test schedule's whole span.
		List<ExecutionCompleted> results = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			results.add(Results.succeeded(this.owner + "-" + i, "dep-retry", this.receiver.url("/hook"), null,
					Map.of("n", i)));
		}

		results.forEach(this.deliveries::publish);

		for (ExecutionCompleted result : results) {
			JsonNode delivery = this.deliveries.awaitStatus(result.ownerId(), result.executionId(), "succeeded");
			List<Request> requests = this.receiver.requestsFor(result.executionId());
			assertThat(requests).hasSize(3)
				.allSatisfy(
						(request) -> assertThat(request.header("webhook-id")).isEqualTo(delivery.get("id").asString()));
			assertThat(statusCodes(delivery)).containsExactly(503, 503, 200);
			assertThat(delivery.get("attemptCount").asInt()).isEqualTo(3);
		}
	}

	@Test
	void retriesWhileAnotherScheduledTaskTakesLong() {
		CountDownLatch done = new CountDownLatch(1);
		// Like a retention sweep of many deliveries.
		this.scheduler.schedule(() -> awaitQuietly(done), Instant.now());
		try {
			Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
			this.receiver
				.respond((request) -> (seen.computeIfAbsent(request.header("webhook-id"), (id) -> new AtomicInteger())
					.incrementAndGet() == 1) ? Reply.status(503) : Reply.status(200));
			ExecutionCompleted result = callback(Map.of());

			this.deliveries.publish(result);

			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.deliveries.of(this.owner, result.executionId()),
						(found) -> found.size() == 1 && found.get(0).get("status").asString().equals("succeeded"));
		}
		finally {
			done.countDown();
		}
	}

	@Test
	void failsAfterTheLastAttemptAndPublishesDeliveryFailed() {
		this.receiver.respond((request) -> Reply.status(500).withBody("broken"));
		ExecutionCompleted result = callback(Map.of());

		this.deliveries.publish(result);
		JsonNode delivery = this.deliveries.awaitStatus(this.owner, result.executionId(), "failed");

		assertThat(this.receiver.requestsFor(result.executionId())).hasSize(ATTEMPTS);
		assertThat(delivery.get("attemptCount").asInt()).isEqualTo(ATTEMPTS);
		assertThat(delivery.get("lastError").asString()).isEqualTo("HTTP 500; gave up after 5 attempts");
		assertThat(delivery.get("attempts").get(0).get("responseSnippet").asString()).isEqualTo("broken");
		try (FailedDeliveries failed = new FailedDeliveries()) {
			DeliveryFailed event = await().atMost(Deliveries.WAIT)
				.until(() -> failed.of(delivery.get("id").asString()), (events) -> !events.isEmpty())
				.get(0);
			assertThat(event.executionId()).isEqualTo(result.executionId());
			assertThat(event.ownerId()).isEqualTo(this.owner);
			assertThat(event.channel()).isEqualTo(DeliveryChannel.CALLBACK);
			assertThat(event.destination()).isEqualTo(this.receiver.url("/hook"));
			assertThat(event.attempts()).isEqualTo(ATTEMPTS);
		}
	}

	@Test
	void honoursRetryAfter() {
		AtomicInteger calls = new AtomicInteger();
		this.receiver.respond((request) -> (calls.incrementAndGet() == 1)
				? Reply.status(503).withHeader("Retry-After", "2") : Reply.status(200));
		ExecutionCompleted result = callback(Map.of());

		this.deliveries.publish(result);
		this.deliveries.awaitStatus(this.owner, result.executionId(), "succeeded");

		assertThat(gapBetweenFirstTwo(result)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
	}

	@Test
	void waitsLongerAfterTooManyRequests() {
		AtomicInteger calls = new AtomicInteger();
		this.receiver.respond((request) -> (calls.incrementAndGet() == 1) ? Reply.status(429) : Reply.status(200));
		ExecutionCompleted result = callback(Map.of());

		this.deliveries.publish(result);
		JsonNode delivery = this.deliveries.awaitStatus(this.owner, result.executionId(), "succeeded");

		assertThat(statusCodes(delivery)).containsExactly(429, 200);
		// The schedule alone would retry after 200 ms ± 20 %.
		assertThat(gapBetweenFirstTwo(result)).isGreaterThanOrEqualTo(Duration.ofMillis(550));
	}

	@Test
	void timesOutAHangingReceiverAndWaitsLongerBeforeTheNextTry() {
		AtomicInteger calls = new AtomicInteger();
		this.receiver.respond((request) -> (calls.incrementAndGet() == 1) ? Reply.hangs() : Reply.status(200));
		ExecutionCompleted result = callback(Map.of());

		this.deliveries.publish(result);
		JsonNode delivery = this.deliveries.awaitStatus(this.owner, result.executionId(), "succeeded");

		JsonNode timedOut = delivery.get("attempts").get(0);
		assertThat(timedOut.get("statusCode").isNull()).isTrue();
		assertThat(timedOut.get("error").asString()).startsWith("Timed out");
		assertThat(timedOut.get("latencyMillis").asLong()).isGreaterThanOrEqualTo(1400);
		assertThat(gapBetweenFirstTwo(result)).isGreaterThanOrEqualTo(Duration.ofMillis(1500 + 550));
	}

	@Test
	void doesNotFollowRedirects() {
		this.receiver.respond((request) -> request.path().equals("/hook")
				? Reply.status(302).withHeader("Location", "/elsewhere") : Reply.status(200));
		ExecutionCompleted result = callback(Map.of());

		this.deliveries.publish(result);
		JsonNode delivery = this.deliveries.awaitStatus(this.owner, result.executionId(), "failed");

		assertThat(this.receiver.requests()).allSatisfy((request) -> assertThat(request.path()).isEqualTo("/hook"));
		assertThat(delivery.get("attempts").get(0).get("error").asString())
			.isEqualTo("HTTP 302: redirects are not followed");
		assertThat(statusCodes(delivery)).hasSize(ATTEMPTS).containsOnly(302);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(LONG_TASK.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private ExecutionCompleted callback(Map<String, Object> outputs) {
		return Results.succeeded(this.owner, "dep-retry", this.receiver.url("/hook"), null, outputs);
	}

	private Duration gapBetweenFirstTwo(ExecutionCompleted result) {
		List<Request> requests = this.receiver.requestsFor(result.executionId());
		return Duration.between(requests.get(0).receivedAt(), requests.get(1).receivedAt());
	}

	private static List<Integer> statusCodes(JsonNode delivery) {
		List<Integer> codes = new ArrayList<>();
		delivery.get("attempts").forEach((attempt) -> codes.add(attempt.get("statusCode").asInt()));
		return codes;
	}

}
