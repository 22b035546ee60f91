package dev.flowgate.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import dev.flowgate.contracts.TopicSpec;
import dev.flowgate.contracts.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

// One broker for the class (a start costs seconds); stopping it is the last test.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaBrokerTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@TempDir
	static Path dataDir;

	private static KafkaBroker broker;

	@BeforeAll
	static void startBroker() {
		broker = KafkaBroker.builder(dataDir).stopWithParent(true).pidFile(pidFile()).build().start();
	}

	@AfterAll
	static void stopBroker() {
		broker.stop();
	}

	@Test
	void createsTheContractTopicsWithTheirCleanupSettings() throws Exception {
		try (Admin admin = admin()) {
			ConfigResource keys = new ConfigResource(ConfigResource.Type.TOPIC, Topics.KEYS.name());
			ConfigResource completed = new ConfigResource(ConfigResource.Type.TOPIC,
					Topics.EXECUTIONS_COMPLETED.name());
			Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(keys, completed)).all().get();

			assertThat(configs.get(keys).get("cleanup.policy").value()).isEqualTo("compact");
			assertThat(configs.get(completed).get("cleanup.policy").value()).isEqualTo("delete");
			assertThat(configs.get(completed).get("retention.ms").value())
				.isEqualTo(Long.toString(Duration.ofDays(7).toMillis()));
			assertThat(admin.describeTopics(List.of(Topics.EXECUTIONS_COMPLETED.name()))
				.allTopicNames()
				.get()
				.get(Topics.EXECUTIONS_COMPLETED.name())
				.partitions()).hasSize(Topics.EXECUTIONS_COMPLETED.partitions());
		}
	}

	@Test
	void bringsTheConfigsOfTopicsMadeByEarlierCodeUpToDate() throws Exception {
		ConfigResource started = new ConfigResource(ConfigResource.Type.TOPIC, Topics.EXECUTIONS_STARTED.name());
		try (Admin admin = admin()) {
			admin
				.incrementalAlterConfigs(
						Map.of(started,
								List.of(new AlterConfigOp(new ConfigEntry("max.message.bytes", "1048588"),
										AlterConfigOp.OpType.SET))))
				.all()
				.get();
			// The broker applies a change the controller committed a moment later:
			// declare must
			// see the old setting, or it has nothing to bring up to date.
			await().atMost(TIMEOUT).until(() -> maxMessageBytes(admin, started).equals("1048588"));

			KafkaTopics.declare(broker.bootstrapServers(), Topics.all());

			await().atMost(TIMEOUT)
				.untilAsserted(() -> assertThat(maxMessageBytes(admin, started))
					.isEqualTo(Integer.toString(TopicSpec.MAX_MESSAGE_BYTES)));
		}
	}

	private static String maxMessageBytes(Admin admin, ConfigResource topic) throws Exception {
		return admin.describeConfigs(List.of(topic)).all().get().get(topic).get("max.message.bytes").value();
	}

	@Test
	void deliversAProducedRecordToAConsumer() throws Exception {
		String topic = Topics.EXECUTIONS_STARTED.name();
		String key = UUID.randomUUID().toString();
		try (KafkaProducer<String, String> producer = producer(Map.of())) {
			producer.send(new ProducerRecord<>(topic, key, "{\"hello\":1}")).get();
		}
		assertThat(consumeAll(topic, "read_uncommitted")).anyMatch((r) -> key.equals(r.key()));
	}

	@Test
	void commitsTransactionsAndHidesAbortedOnes() {
		String topic = Topics.DELIVERIES_FAILED.name();
		String committed = "committed-" + UUID.randomUUID();
		String aborted = "aborted-" + UUID.randomUUID();
		try (KafkaProducer<String, String> producer = producer(
				Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-" + UUID.randomUUID()))) {
			producer.initTransactions();
			producer.beginTransaction();
			producer.send(new ProducerRecord<>(topic, aborted, "{}"));
			producer.abortTransaction();
			producer.beginTransaction();
			producer.send(new ProducerRecord<>(topic, committed, "{}"));
			producer.commitTransaction();
		}
		List<ConsumerRecord<String, String>> records = consumeAll(topic, "read_committed");
		assertThat(records).anyMatch((r) -> committed.equals(r.key())).noneMatch((r) -> aborted.equals(r.key()));
	}

	@Test
	void writesTheBrokerLogThroughSlf4j() throws Exception {
		assertThat(Files.readString(broker.logFile())).contains("Kafka Server started");
	}

	@Test
	void writesItsPidFileWhileItRuns() {
		assertThat(pidFile()).hasContent(Long.toString(broker.pid()));
	}

	@Test
	void reusesTheBrokerAlreadyRunningOnTheDataDirectory() {
		KafkaBroker second = KafkaBroker.builder(dataDir).build().start();

		assertThat(second.pid()).isEqualTo(broker.pid());
		assertThat(second.bootstrapServers()).isEqualTo(broker.bootstrapServers());
		assertThat(broker.start().pid()).isEqualTo(second.pid());
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void stopLeavesNoProcessBehind() {
		long pid = broker.pid();

		broker.stop();

		assertThat(broker.isRunning()).isFalse();
		assertThat(ProcessHandle.of(pid)).isEmpty();
		assertThat(pidFile()).doesNotExist();
		assertThat(ProcessHandle.allProcesses()
			.filter((p) -> p.info().commandLine().orElse("").contains(dataDir.toString()))).isEmpty();
	}

	private static Path pidFile() {
		return dataDir.resolve("kafka.pid");
	}

	private static Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
	}

	private static KafkaProducer<String, String> producer(Map<String, Object> extra) {
		Map<String, Object> config = new java.util.HashMap<>(extra);
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
	}

	private static List<ConsumerRecord<String, String>> consumeAll(String topic, String isolation) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			await().atMost(TIMEOUT).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
				return !records.isEmpty() && consumer.assignment()
					.stream()
					.allMatch((p) -> consumer.position(p) >= consumer.endOffsets(List.of(p)).get(p));
			});
		}
		return records;
	}

}
