package dev.flowgate.runner.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.TopicSpec;
import dev.flowgate.contracts.Topics;
import dev.flowgate.infra.test.FlowgateInfra;
import dev.flowgate.infra.test.HttpStub;
import dev.flowgate.infra.test.HttpStub.Reply;
import dev.flowgate.runner.domain.deployment.DeploymentView;
import dev.flowgate.runner.support.Deployments;
import dev.flowgate.runner.support.Flows;
import dev.flowgate.runner.support.KafkaTestClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A trigger's trace goes through the runner: its result and start notice (sent late, from
 * a timer thread) carry the trigger's trace id, the runner's log lines about it show that
 * id, and executions are timed on the Prometheus endpoint.
 */
@FlowgateInfra
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "flowgate.runner.triggers.deployment-wait=1s",
				"flowgate.runner.triggers.start-notice-delay=100ms",
				"logging.level.dev.flowgate.runner.messaging.TriggerDispatcher=debug" })
@DirtiesContext
class ObservabilityIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final KafkaTestClient kafka = new KafkaTestClient();

	private final HttpStub api = HttpStub.start();

	@LocalServerPort
	private int port;

	@Autowired
	private DeploymentView view;

	@AfterEach
	void close() {
		this.kafka.close();
		this.api.close();
	}

	@Test
	void theResultCarriesTheTriggersTraceIdAndSoDoTheLogLines(CapturedOutput output) {
		String owner = UUID.randomUUID().toString();
		// Slower than the start notice delay, so its start is announced.
		this.api.on("/slow", (request) -> Reply.json(200, "{}").after(Duration.ofSeconds(3)));
		DeploymentStateChanged deployment = Deployments.of(UUID.randomUUID().toString(), owner,
				Flows.flow().node("call", "http", Map.of("url", this.api.url("/slow"))).build(), DeliveryTarget.NONE);
		Deployments.deploy(this.kafka, this.view, deployment);
		String executionId = UUID.randomUUID().toString();

		this.kafka.publish(Topics.EXECUTIONS_REQUESTED, executionId,
				Deployments.trigger(executionId, deployment, Map.of()), "traceparent",
				"00-" + TRACE_ID + "-b7ad6b7169203331-01");

		ConsumerRecord<String, byte[]> result = awaitRecord(Topics.EXECUTIONS_COMPLETED, executionId);
		ConsumerRecord<String, byte[]> started = awaitRecord(Topics.EXECUTIONS_STARTED, executionId);
		assertThat(traceIdOf(result)).isEqualTo(TRACE_ID);
		assertThat(traceIdOf(started)).isEqualTo(TRACE_ID);
		assertThat(output.getOut().lines().filter((line) -> line.contains("Execution " + executionId)))
			.singleElement(InstanceOfAssertFactories.STRING)
			.contains(TRACE_ID)
			.contains("SUCCEEDED");
	}

	@Test
	void timesExecutionsByStatusOnThePrometheusEndpoint() {
		String owner = UUID.randomUUID().toString();
		DeploymentStateChanged deployment = Deployments.echo(UUID.randomUUID().toString(), owner);
		Deployments.deploy(this.kafka, this.view, deployment);
		String executionId = UUID.randomUUID().toString();
		double before = succeeded(scrape());

		this.kafka.publish(Topics.EXECUTIONS_REQUESTED, executionId,
				Deployments.trigger(executionId, deployment, Map.of("text", "timed")));

		awaitRecord(Topics.EXECUTIONS_COMPLETED, executionId);
		await().atMost(WAIT).untilAsserted(() -> assertThat(succeeded(scrape())).isEqualTo(before + 1));
		String metrics = scrape();
		assertThat(metrics).contains("flowgate_runner_executions_seconds_bucket{")
			.contains("flowgate_runner_executions_active{")
			.contains("kafka_consumer_fetch_manager_records_lag_max{")
			.contains("application=\"flow-runner-service\"");
	}

	private ConsumerRecord<String, byte[]> awaitRecord(TopicSpec topic, String executionId) {
		try (KafkaTestClient.Reader reader = this.kafka.reader(topic)) {
			return await().atMost(WAIT)
				.until(() -> reader.poll().stream().filter((record) -> executionId.equals(record.key())).findFirst(),
						Optional::isPresent)
				.orElseThrow();
		}
	}

	private static String traceIdOf(ConsumerRecord<String, byte[]> record) {
		Header traceparent = record.headers().lastHeader("traceparent");
		assertThat(traceparent).as("traceparent of " + record.topic()).isNotNull();
		String value = new String(traceparent.value(), StandardCharsets.UTF_8);
		assertThat(value).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
		return value.split("-")[1];
	}

	private static double succeeded(String metrics) {
		return metrics.lines()
			.filter((line) -> line.startsWith("flowgate_runner_executions_seconds_count{")
					&& line.contains("status=\"" + ExecutionStatus.SUCCEEDED.name().toLowerCase(Locale.ROOT) + "\""))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	private String scrape() {
		try {
			HttpResponse<String> response = HTTP
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/prometheus"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
