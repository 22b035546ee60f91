package dev.flowgate.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.flowgate.contracts.TopicSpec;
import dev.flowgate.infra.test.FlowgateInfra;
import dev.flowgate.infra.test.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.KafkaAdmin;

import static org.assertj.core.api.Assertions.assertThat;

@FlowgateInfra
class TopicDeclarationsTest {

	private final String bootstrapServers = TestInfrastructure.get().kafkaBootstrapServers();

	@Test
	void createsAMissingTopicWithItsSettingsWhenTheServiceStarts() throws Exception {
		TopicSpec missing = new TopicSpec("flowgate.test.declared-" + UUID.randomUUID(), 4, true, Duration.ofHours(2));
		Map<String, Object> connection = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);

		new ApplicationContextRunner().withBean(KafkaAdmin.class, () -> new KafkaAdmin(connection))
			.withBean(KafkaAdmin.NewTopics.class, () -> TopicDeclarations.of(List.of(missing)))
			.run((context) -> assertThat(context).hasNotFailed());

		try (Admin admin = Admin.create(connection)) {
			TopicDescription created = admin.describeTopics(List.of(missing.name()))
				.allTopicNames()
				.get()
				.get(missing.name());
			ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, missing.name());
			Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
			assertThat(created.partitions()).hasSize(4);
			assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
			assertThat(config.get("delete.retention.ms").value()).isEqualTo("7200000");
		}
	}

}
