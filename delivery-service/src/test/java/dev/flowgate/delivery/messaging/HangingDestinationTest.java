package dev.flowgate.delivery.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.delivery.support.Deliveries;
import dev.flowgate.delivery.support.DeliveryIntegrationTest;
import dev.flowgate.delivery.support.Receiver;
import dev.flowgate.delivery.support.Receiver.Reply;
import dev.flowgate.delivery.support.Receiver.Request;
import dev.flowgate.delivery.support.Results;
import dev.flowgate.delivery.support.TestHosts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deliveries run concurrently with a per-destination limit: a receiver, or a receiver's
 * nameserver, that never answers holds its own slots until the timeout, nobody else's.
 * The timeout is longer here than in the other tests so that a busy machine cannot fake a
 * hold-up.
 */
@DeliveryIntegrationTest
// The lease must outlast the (long) callback timeout, as the service checks at start.
@TestPropertySource(properties = { "flowgate.delivery.callback.timeout=6s", "flowgate.delivery.dispatch.lease=20s" })
class HangingDestinationTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(6);

	private static final int TO_HANGING = 12;

	private static final int TO_FAST = 40;

	/** The test profile's {@code max-in-flight-per-destination}. */
	private static final int PER_DESTINATION = 8;

	@Autowired
	private Deliveries deliveries;

	@Test
	void aHangingDestinationDoesNotDelayDeliveriesToOthers() {
		String owner = "owner-" + UUID.randomUUID();
		try (Receiver hanging = Receiver.start().respond((request) -> Reply.hangs());
				Receiver fast = Receiver.start()) {
			List<ExecutionCompleted> toFast = new ArrayList<>();
			for (int i = 0; i < TO_HANGING; i++) {
				this.deliveries
					.publish(Results.succeeded(owner, "dep-slow", hanging.url("/hook"), null, Map.of("n", i)));
			}
			for (int i = 0; i < TO_FAST; i++) {
				ExecutionCompleted result = Results.succeeded(owner, "dep-fast", fast.url("/hook"), null,
						Map.of("n", i));
				toFast.add(result);
				this.deliveries.publish(result);
			}

			await().atMost(Deliveries.WAIT).until(() -> fast.requests().size() == TO_FAST);

			Instant firstHanging = hanging.requests()
				.stream()
				.map(Request::receivedAt)
				.min(Comparator.naturalOrder())
				.orElseThrow();
			Instant lastFast = fast.requests()
				.stream()
				.map(Request::receivedAt)
				.max(Comparator.naturalOrder())
				.orElseThrow();
			// Every fast delivery arrived before the first hanging attempt even timed
			// out.
			assertThat(lastFast).isBefore(firstHanging.plus(TIMEOUT));
			for (ExecutionCompleted result : toFast) {
				assertThat(fast.requestsFor(result.executionId())).hasSize(1);
			}
		}
	}

	@Test
	void anotherOwnersHangingEndpointOnASharedReceiverDoesNotDelayThisOwnersCallbacks() {
		String slowOwner = "owner-" + UUID.randomUUID();
		String owner = "owner-" + UUID.randomUUID();
		try (Receiver shared = Receiver.start()
			.respond((request) -> request.path().startsWith("/slow") ? Reply.hangs() : Reply.status(204))) {
			for (int i = 0; i < TO_HANGING; i++) {
				this.deliveries
					.publish(Results.succeeded(slowOwner, "dep-slow", shared.url("/slow"), null, Map.of("n", i)));
			}
			// The slow owner's callbacks fill all its slots there, each holding a
			// connection.
			await().atMost(Deliveries.WAIT).until(() -> slowRequests(shared) == PER_DESTINATION);
			Instant firstHanging = shared.requests()
				.stream()
				.map(Request::receivedAt)
				.min(Comparator.naturalOrder())
				.orElseThrow();
			List<ExecutionCompleted> toFast = new ArrayList<>();
			for (int i = 0; i < TO_FAST; i++) {
				ExecutionCompleted result = Results.succeeded(owner, "dep-fast", shared.url("/fast"), null,
						Map.of("n", i));
				toFast.add(result);
				this.deliveries.publish(result);
			}

			await().atMost(Deliveries.WAIT).until(() -> shared.requests().size() - slowRequests(shared) >= TO_FAST);

			// Every one of this owner's callbacks arrived, first time, before the other
			// owner's first hanging attempt even timed out.
			List<Request> fast = shared.requests()
				.stream()
				.filter((request) -> request.path().startsWith("/fast"))
				.toList();
			assertThat(fast)
				.allSatisfy((request) -> assertThat(request.receivedAt()).isBefore(firstHanging.plus(TIMEOUT)));
			for (ExecutionCompleted result : toFast) {
				assertThat(shared.requestsFor(result.executionId())).hasSize(1);
			}
		}
	}

	private static long slowRequests(Receiver receiver) {
		return receiver.requests().stream().filter((request) -> request.path().startsWith("/slow")).count();
	}

	@Test
	void aHostWhoseLookupHangsDoesNotDelayDeliveriesToOthers() {
		String owner = "owner-" + UUID.randomUUID();
		try (Receiver fast = Receiver.start()) {
			String hangingUrl = "http://" + TestHosts.HANGING_LOOKUP + ":" + fast.port() + "/hook";
			List<String> toHanging = new ArrayList<>();
			for (int i = 0; i < TO_HANGING; i++) {
				ExecutionCompleted result = Results.succeeded(owner, "dep-dns", hangingUrl, null, Map.of("n", i));
				toHanging.add(result.executionId());
				this.deliveries.publish(result);
			}
			Instant published = Instant.now();
			for (int i = 0; i < TO_FAST; i++) {
				this.deliveries.publish(Results.succeeded(owner, "dep-fast", fast.url("/hook"), null, Map.of("n", i)));
			}

			await().atMost(Deliveries.WAIT).until(() -> fast.requests().size() == TO_FAST);

			// Every fast delivery arrived before the lookups even timed out: they held
			// no delivery worker.
			assertThat(fast.requests())
				.allSatisfy((request) -> assertThat(request.receivedAt()).isBefore(published.plus(TIMEOUT)));
			// The first attempts time out; they open the destination's circuit breaker,
			// so later ones are put off without an attempt.
			JsonNode attempt = await().atMost(Deliveries.WAIT)
				.until(() -> firstAttempt(owner, toHanging), Objects::nonNull);
			assertThat(attempt.get("error").asString())
				.isEqualTo("Timed out: looking up lookup-hangs.example took more than 6000 ms");
		}
	}

	private JsonNode firstAttempt(String owner, List<String> executionIds) {
		for (String executionId : executionIds) {
			for (JsonNode delivery : this.deliveries.of(owner, executionId)) {
				if (!delivery.get("attempts").isEmpty()) {
					return delivery.get("attempts").get(0);
				}
			}
		}
		return null;
	}

}
