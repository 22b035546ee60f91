package dev.flowgate.delivery.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.delivery.support.Deliveries;
import dev.flowgate.delivery.support.DeliveryIntegrationTest;
import dev.flowgate.delivery.support.Receiver;
import dev.flowgate.delivery.support.Receiver.Reply;
import dev.flowgate.delivery.support.Results;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Large callbacks are sent no more at a time than their bytes allow: a backlog of them
 * cannot fill the heap, however many slots are free.
 */
@DeliveryIntegrationTest
@TestPropertySource(properties = { "flowgate.delivery.dispatch.max-in-flight-bytes=1MB",
		"flowgate.delivery.callback.max-payload-size=2MB" })
class LargeCallbacksTest {

	private static final int RESULTS = 8;

	/** Three fit in 1 MB, a fourth does not. */
	private static final int OUTPUT_CHARS = 300_000;

	private static final Duration RECEIVER_TAKES = Duration.ofMillis(400);

	@Autowired
	private Deliveries deliveries;

	@Test
	void sendsNoMoreLargeCallbacksAtOnceThanTheirBytesAllow() {
		String owner = "owner-" + UUID.randomUUID();
		AtomicInteger receiving = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		try (Receiver receiver = Receiver.start().respond((request) -> {
			mostAtOnce.accumulateAndGet(receiving.incrementAndGet(), Math::max);
			sleep(RECEIVER_TAKES);
			receiving.decrementAndGet();
			return Reply.status(204);
		})) {
			List<ExecutionCompleted> results = new ArrayList<>();
			for (int i = 0; i < RESULTS; i++) {
				ExecutionCompleted result = Results.succeeded(owner, "dep-large", receiver.url("/hook"), null,
						Map.of("text", String.valueOf(i).repeat(OUTPUT_CHARS)));
				results.add(result);
				this.deliveries.publish(result);
			}

			await().atMost(Deliveries.WAIT).until(() -> receiver.requests().size() == RESULTS);

			assertThat(mostAtOnce).as("callbacks received at once").hasValueBetween(1, 3);
			for (ExecutionCompleted result : results) {
				assertThat(receiver.requestsFor(result.executionId())).hasSize(1);
				this.deliveries.awaitStatus(owner, result.executionId(), "succeeded");
			}
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
