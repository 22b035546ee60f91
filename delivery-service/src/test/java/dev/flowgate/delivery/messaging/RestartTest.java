package dev.flowgate.delivery.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.delivery.DeliveryServiceApplication;
import dev.flowgate.delivery.domain.delivery.DeliveryIntake;
import dev.flowgate.delivery.domain.delivery.DeliveryService;
import dev.flowgate.delivery.domain.delivery.DeliveryStatus;
import dev.flowgate.delivery.domain.delivery.DeliveryView;
import dev.flowgate.delivery.support.Deliveries;
import dev.flowgate.delivery.support.Receiver;
import dev.flowgate.delivery.support.Receiver.Reply;
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

	@Test
	void pendingDeliveriesSurviveARestart() {
		String owner = "owner-" + UUID.randomUUID();
		// The next try is due in 10 s (the first instance's cap on Retry-After): long
		// after the stop; the second instance tries then.
		try (Receiver receiver = Receiver.start()
			.respond((request) -> Reply.status(503).withHeader("Retry-After", "30"))) {
			List<ExecutionCompleted> results = new ArrayList<>();
			for (int i = 0; i < RESULTS; i++) {
				results.add(Results.succeeded(owner, "dep-restart", receiver.url("/hook"), null, Map.of("n", i)));
			}

			try (ConfigurableApplicationContext first = start("--flowgate.delivery.retry.max-retry-after=10s")) {
				results.forEach(first.getBean(DeliveryIntake.class)::accept);
				DeliveryService deliveries = first.getBean(DeliveryService.class);
				for (ExecutionCompleted result : results) {
					await().atMost(Deliveries.WAIT)
						.until(() -> delivery(deliveries, owner, result), (view) -> view.delivery().attempts() == 1);
				}
			}
			assertThat(results)
				.allSatisfy((result) -> assertThat(receiver.requestsFor(result.executionId())).isNotEmpty()
					.allSatisfy((request) -> assertThat(request.header("webhook-id")).isNotNull()));

			receiver.respond((request) -> Reply.status(200));
			try (ConfigurableApplicationContext second = start("--flowgate.delivery.retry.max-retry-after=3s")) {
				DeliveryService deliveries = second.getBean(DeliveryService.class);
				for (ExecutionCompleted result : results) {
					DeliveryView delivered = await().atMost(Deliveries.WAIT)
						.until(() -> delivery(deliveries, owner, result),
								(view) -> view.delivery().status() == DeliveryStatus.SUCCEEDED);
					assertThat(receiver.requestsFor(result.executionId())).hasSize(2)
						.allSatisfy((request) -> assertThat(request.header("webhook-id"))
							.isEqualTo(delivered.delivery().id()));
					assertThat(delivered.attempts()).hasSize(delivered.delivery().attempts());
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
	private static ConfigurableApplicationContext start(String retryCap) {
		return new SpringApplicationBuilder(DeliveryServiceApplication.class).profiles("test")
			.run("--server.port=0", "--spring.kafka.listener.auto-startup=false",
					"--spring.mongodb.database=flowgate_delivery_restart", retryCap);
	}

}
