package dev.flowgate.infra;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.flowgate.contracts.DeploymentMode;
import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.contracts.FlowgateEvent;
import dev.flowgate.contracts.Topics;
import dev.flowgate.contracts.TriggerSource;
import dev.flowgate.infra.test.FlowgateInfra;
import dev.flowgate.infra.test.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Any Kafka client can read Flowgate events: plain JSON values, no type headers. */
@FlowgateInfra
class KcatTest {

	private static final int PARTITION = 0;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void kcatReadsAnExecutionRequestedAsPlainJsonWithoutHeaders() throws Exception {
		assumeTrue(onPath("kcat"), "kcat is not installed");
		String bootstrap = TestInfrastructure.get().kafkaBootstrapServers();
		String executionId = "ex-" + UUID.randomUUID();
		ExecutionRequested event = new ExecutionRequested(UUID.randomUUID(), ExecutionRequested.SCHEMA_VERSION,
				Instant.parse("2026-11-23T10:00:00Z"), executionId, "owner-1", "dep-1", 3, "key-1",
				TriggerSource.NATIVE, DeploymentMode.ASYNC, Map.of("text", "hi"), null,
				Instant.parse("2026-11-23T10:05:00Z"), null, null, null, null);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 0),
				new StringSerializer(), new StringSerializer())) {
			producer
				.send(new ProducerRecord<>(Topics.EXECUTIONS_REQUESTED.name(), PARTITION, executionId,
						this.json.writerFor(FlowgateEvent.class).writeValueAsString(event)))
				.get();
		}

		String output = kcat(bootstrap, Topics.EXECUTIONS_REQUESTED.name());

		String[] fields = output.split("\\|", 3);
		assertThat(fields[0]).isEqualTo(executionId);
		assertThat(fields[1]).as("headers").isEmpty();
		JsonNode value = this.json.readTree(fields[2]);
		assertThat(value.isObject()).isTrue();
		assertThat(value.get("type").asString()).isEqualTo("execution.requested");
		assertThat(value.get("executionId").asString()).isEqualTo(executionId);
		assertThat(value.get("source").asString()).isEqualTo("native");
	}

	private static String kcat(String bootstrap, String topic) throws Exception {
		Process process = new ProcessBuilder("kcat", "-b", bootstrap, "-t", topic, "-p", Integer.toString(PARTITION),
				"-C", "-o", "beginning", "-c", "1", "-e", "-f", "%k|%h|%s")
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		assertThat(process.waitFor(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isZero();
		return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
	}

	private static boolean onPath(String command) {
		List<String> dirs = Arrays.asList(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator));
		return dirs.stream().map((dir) -> Path.of(dir, command)).anyMatch(Files::isExecutable);
	}

}
