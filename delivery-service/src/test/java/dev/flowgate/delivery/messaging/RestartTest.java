package dev.flowgate.delivery.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.delivery.DeliveryServiceApplication;
import dev.flowgate.delivery.domain.delivery.Attempt;
import dev.flowgate.delivery.domain.delivery.DeliveryIntake;
import dev.flowgate.delivery.domain.delivery.DeliveryService;
import dev.flowgate.delivery.domain.delivery.DeliveryStatus;
import dev.flowgate.delivery.domain.delivery.DeliveryView;
import dev.flowgate.delivery.support.Deliveries;
import dev.flowgate.delivery.support.Receiver;
import dev.flowgate.delivery.support.Receiver.Reply;
import dev.flowgate.delivery.support.Receiver.Request;
import dev.flowgate.delivery.support.Results;
import dev.flowgate.infra.test.FlowgateInfra;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Retries live in MongoDB, not in memory: an instance stopped with deliveries pending
 * leaves them to the next one, which completes them with the same webhook-ids.
 */
@FlowgateInfra
class RestartTest {

	private static final int RESULTS = 5;

	private static final String FIRST = "Flowgate-Webhooks/first";

	private static final String SECOND = "Flowgate-Webhooks/second";

	@Test
	void pendingDeliveriesSurviveARestart() {
		String owner = "owner-" + UUID.randomUUID();
		// The receiver tells the instances apart: it refuses the first, whose next try
		// is due in 10 s (its cap on Retry-After), after the stop on most machines; a
		// slow one may try again first, or leave a try in flight. It takes the second's.
		try (Receiver receiver = Receiver.start()
			.respond((request) -> SECOND.equals(request.header("User-Agent")) ? Reply.status(200)
					: Reply.status(503).withHeader("Retry-After", "30"))) {
			List<ExecutionCompleted> results = new ArrayList<>();
			for (int i = 0; i < RESULTS; i++) {
				results.add(Results.succeeded(owner, "dep-restart", receiver.url("/hook"), null, Map.of("n", i)));
			}

			try (ConfigurableApplicationContext first = start(FIRST, "10s")) {
				results.forEach(first.getBean(DeliveryIntake.class)::accept);
				DeliveryService deliveries = first.getBean(DeliveryService.class);
				for (ExecutionCompleted result : results) {
					await().atMost(Deliveries.WAIT)
						.until(() -> delivery(deliveries, owner, result), (view) -> view.delivery().attempts() >= 1);
				}
			}

			try (ConfigurableApplicationContext second = start(SECOND, "3s")) {
				DeliveryService deliveries = second.getBean(DeliveryService.class);
				for (ExecutionCompleted result : results) {
					DeliveryView delivered = await().atMost(Deliveries.WAIT)
						.until(() -> delivery(deliveries, owner, result),
								(view) -> view.delivery().status() == DeliveryStatus.SUCCEEDED);
					List<Request> requests = receiver.requestsFor(result.executionId());
					assertThat(requests).filteredOn((request) -> FIRST.equals(request.header("User-Agent")))
						.isNotEmpty();
					assertThat(requests).filteredOn((request) -> SECOND.equals(request.header("User-Agent")))
						.hasSize(1);
					assertThat(requests).allSatisfy(
							(request) -> assertThat(request.header("webhook-id")).isEqualTo(delivered.delivery().id()));
					assertThat(delivered.attempts()).hasSize(delivered.delivery().attempts())
						.extracting(Attempt::statusCode)
						.containsOnly(503, 200)
						.containsOnlyOnce(200);
				}
			}
		}
	}

	private static DeliveryView delivery(DeliveryService deliveries, String owner, ExecutionCompleted result) {
		return deliveries.forExecution(owner, result.executionId()).get(0);
	}

	/**
	 * One instance: its own database, results fed to the intake directly. Command-line
	 * arguments, because they outrank application.yml.
	 */
	private static ConfigurableApplicationContext start(String userAgent, String retryCap) {
		return new SpringApplicationBuilder(DeliveryServiceApplication.class).profiles("test")
			.run("--server.port=0", "--spring.kafka.listener.auto-startup=false",
					"--spring.mongodb.database=flowgate_delivery_restart",
					"--flowgate.delivery.callback.user-agent=" + userAgent,
					"--flowgate.delivery.retry.max-retry-after=" + retryCap);
	}

}
