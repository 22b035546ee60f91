package dev.flowgate.delivery.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.delivery.support.Deliveries;
import dev.flowgate.delivery.support.DeliveryIntegrationTest;
import dev.flowgate.delivery.support.Receiver;
import dev.flowgate.delivery.support.Receiver.Reply;
import dev.flowgate.delivery.support.Results;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A destination's breaker opens after 6 failed calls in a row (test settings) and stays
 * open 1 s: meanwhile its deliveries are put off, not attempted, and not failed until
 * their round has run the schedule's time. The schedule here lasts longer than the test
 * profile's (6.1 s, 7.3 s at the most jitter), so that a delivery can outlast an opening.
 */
@DeliveryIntegrationTest
@TestPropertySource(properties = "flowgate.delivery.retry.schedule=0s, 200ms, 300ms, 300ms, 300ms, 5s")
class CircuitBreakerTest {

	private static final int RESULTS = 3;

	private static final int TO_DEAD_DESTINATION = 10;

	private static final int SCHEDULED_ATTEMPTS = 6;

	private static final String RAN_OUT = "the retry schedule ran out while an open circuit breaker put it off";

	/** Far shorter than the 1 s the breaker stays open. */
	private static final Duration SETTLING = Duration.ofMillis(100);

	@Autowired
	private Deliveries deliveries;

	@Autowired
	private CircuitBreakerRegistry breakers;

	@Test
	void anOpenBreakerPutsDeliveriesOffWithoutUsingUpTheirAttempts() {
		String owner = "owner-" + UUID.randomUUID();
		try (Receiver receiver = Receiver.start().respond((request) -> Reply.status(503))) {
			// One per owner and origin: another owner's deliveries there are not held up.
			CircuitBreaker breaker = this.breakers.circuitBreaker(owner + " http://127.0.0.1:" + receiver.port(),
					"destination");
			List<ExecutionCompleted> results = new ArrayList<>();
			for (int i = 0; i < RESULTS; i++) {
				results.add(Results.succeeded(owner, "dep-breaker", receiver.url("/hook"), null, Map.of("n", i)));
			}

			AtomicInteger sentWhenHalfOpened = new AtomicInteger(-1);
			breaker.getEventPublisher().onStateTransition((event) -> {
				if (event.getStateTransition() == CircuitBreaker.StateTransition.OPEN_TO_HALF_OPEN) {
					sentWhenHalfOpened.compareAndSet(-1, receiver.requests().size());
				}
			});

			results.forEach(deliveries::publish);
			await().atMost(Deliveries.WAIT).until(() -> breaker.getState() == CircuitBreaker.State.OPEN);
			// Attempts let through just before it opened may still be on their way.
			int sentWhenOpened = settled(receiver);

			// Open for 1 s (deferred deliveries come back after it): nothing goes out,
			// nothing fails.
			await().atMost(Deliveries.WAIT).until(() -> sentWhenHalfOpened.get() >= 0);
			assertThat(sentWhenHalfOpened).hasValue(sentWhenOpened);
			List<JsonNode> deferred = results.stream()
				.map((result) -> this.deliveries.of(owner, result.executionId()).get(0))
				.filter((delivery) -> delivery.get("lastError").asString("").startsWith("Circuit breaker open"))
				.toList();
			assertThat(deferred).isNotEmpty()
				.allSatisfy((delivery) -> assertThat(delivery.get("status").asString()).isEqualTo("pending"));

			receiver.respond((request) -> Reply.status(200));
			for (ExecutionCompleted result : results) {
				JsonNode delivered = this.deliveries.awaitStatus(owner, result.executionId(), "succeeded");
				// However often the breaker put it off (more often on a loaded machine),
				// only the requests that went out count as attempts.
				assertThat(delivered.get("attemptCount").asInt()).as("attempts of a delivery the breaker put off")
					.isEqualTo(receiver.requestsFor(result.executionId()).size());
			}
			assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		}
	}

	@Test
	void aDestinationThatStaysDownFailsItsDeliveriesOnceTheirScheduleRunsOutWhileItsBreakerIsOpen() {
		String owner = "owner-" + UUID.randomUUID();
		try (Receiver receiver = Receiver.start().respond((request) -> Reply.status(503))) {
			List<ExecutionCompleted> results = new ArrayList<>();
			for (int i = 0; i < TO_DEAD_DESTINATION; i++) {
				results.add(Results.succeeded(owner, "dep-dead", receiver.url("/hook"), null, Map.of("n", i)));
			}

			results.forEach(deliveries::publish);

			// One trial call a second while the breaker is open could not use up their
			// attempts in time: their round's age ends them.
			List<JsonNode> failed = await().atMost(Deliveries.WAIT)
				.until(() -> results.stream()
					.flatMap((result) -> this.deliveries.of(owner, result.executionId()).stream())
					.filter((delivery) -> delivery.get("status").asString().equals("failed"))
					.toList(), (done) -> done.size() == TO_DEAD_DESTINATION);
			assertThat(failed).anySatisfy((delivery) -> {
				assertThat(delivery.get("lastError").asString()).startsWith("Circuit breaker open").endsWith(RAN_OUT);
				assertThat(delivery.get("attemptCount").asInt()).isLessThan(SCHEDULED_ATTEMPTS);
			});
		}
	}

	/** The receiver's request count once it stopped changing. */
	private static int settled(Receiver receiver) {
		AtomicInteger seen = new AtomicInteger(-1);
		return await().pollInterval(SETTLING).until(() -> {
			int now = receiver.requests().size();
			return (seen.getAndSet(now) == now) ? now : null;
		}, Objects::nonNull);
	}

}
