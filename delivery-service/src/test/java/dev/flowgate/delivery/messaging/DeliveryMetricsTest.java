package dev.flowgate.delivery.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.delivery.support.Deliveries;
import dev.flowgate.delivery.support.DeliveryIntegrationTest;
import dev.flowgate.delivery.support.Receiver;
import dev.flowgate.delivery.support.Receiver.Reply;
import dev.flowgate.delivery.support.Results;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Attempts and deliveries that gave up (here after the test profile's five quick tries)
 * are counted on the Prometheus endpoint.
 */
@DeliveryIntegrationTest
class DeliveryMetricsTest {

	private static final String ATTEMPTS = "flowgate_delivery_attempts_seconds_count";

	private static final String FAILURES = "flowgate_delivery_failures_total";

	private static final String LISTENER_CALLS = "spring_kafka_listener_seconds_count";

	private static final String CALLBACK = "channel=\"callback\"";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Deliveries deliveries;

	@Autowired
	private KafkaTemplate<String, FlowgateEvent> kafka;

	@RegisterExtension
	final Receiver receiver = Receiver.start();

	private final String owner = "owner-" + UUID.randomUUID();

	@Test
	void countsAttemptsByOutcomeAndFailedDeliveries() throws Exception {
		String before = scrape();
		this.receiver
			.respond((request) -> request.path().startsWith("/broken") ? Reply.status(422) : Reply.status(200));
		ExecutionCompleted delivered = Results.succeeded(this.owner, "dep-metrics", this.receiver.url("/hook"), null,
				Map.of("answer", "42"));
		ExecutionCompleted refused = Results.succeeded(this.owner, "dep-metrics", this.receiver.url("/broken"), null,
				Map.of("answer", "42"));

		this.deliveries.publish(delivered);
		this.deliveries.publish(refused);
		this.deliveries.awaitStatus(this.owner, delivered.executionId(), "succeeded");
		this.deliveries.awaitStatus(this.owner, refused.executionId(), "failed");

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			String after = scrape();
			assertThat(increase(before, after, ATTEMPTS, CALLBACK, "outcome=\"delivered\"")).isGreaterThanOrEqualTo(1);
			assertThat(increase(before, after, ATTEMPTS, CALLBACK, "outcome=\"retryable\"")).isGreaterThanOrEqualTo(1);
			assertThat(increase(before, after, FAILURES, CALLBACK)).isGreaterThanOrEqualTo(1);
			// The results listener takes a poll's results at once, timed per poll.
			assertThat(increase(before, after, LISTENER_CALLS, "delivery-service-results")).isGreaterThanOrEqualTo(1);
		});
	}

	@Test
	void countsFailedDeliveriesOfEveryChannelFromTheStartSoThatTheFirstShowsAsAnIncrease() {
		// A registry of its own: the context's has seen this class's failures.
		MeterRegistry fresh = new SimpleMeterRegistry();

		new KafkaDeliveryFailedPublisher(this.kafka, fresh);

		for (String channel : new String[] { "callback", "email" }) {
			assertThat(fresh.find(KafkaDeliveryFailedPublisher.FAILURES).tag("channel", channel).counter()).as(channel)
				.isNotNull()
				.satisfies((counter) -> assertThat(counter.count()).isZero());
		}
	}

	private String scrape() throws Exception {
		return this.mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getContentAsString();
	}

	private static double increase(String before, String after, String metric, String... labels) {
		return sum(after, metric, labels) - sum(before, metric, labels);
	}

	private static double sum(String scrape, String metric, String... labels) {
		return scrape.lines()
			.filter((line) -> line.startsWith(metric + "{") && Stream.of(labels).allMatch(line::contains))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

}
