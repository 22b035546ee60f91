package dev.flowgate.infra.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import dev.flowgate.contracts.TopicSpec;
import dev.flowgate.contracts.Topics;
import dev.flowgate.infra.ReceivedMail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@FlowgateInfra
class FlowgateInfraTest {

	private final TestInfrastructure infra = TestInfrastructure.get();

	@Test
	void pointsSpringBootAtTheRunningServers() {
		assertThat(System.getProperty("spring.kafka.bootstrap-servers")).isEqualTo(this.infra.kafkaBootstrapServers())
			.startsWith("127.0.0.1:");
		assertThat(System.getProperty("spring.mongodb.uri")).isEqualTo(this.infra.mongoUri())
			.startsWith("mongodb://127.0.0.1:");
		assertThat(System.getProperty("spring.mail.host")).isEqualTo("127.0.0.1");
		assertThat(System.getProperty("spring.mail.port")).isEqualTo(Integer.toString(this.infra.smtpPort()));
	}

	@Test
	void runsEmbeddedServersWithoutDocker() {
		assertThat(this.infra.provider()).isEqualTo(TestInfrastructure.Provider.EMBEDDED);
	}

	@Test
	void createsEveryContractTopicWithItsSettings() throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.infra.kafkaBootstrapServers()))) {
			Set<String> names = Topics.all().stream().map(TopicSpec::name).collect(Collectors.toSet());
			assertThat(admin.listTopics().names().get()).containsAll(names);
			for (TopicSpec spec : Topics.all()) {
				assertThat(
						admin.describeTopics(List.of(spec.name())).allTopicNames().get().get(spec.name()).partitions())
					.hasSize(spec.partitions());
				ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
				Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
				spec.configs()
					.forEach((key, value) -> assertThat(config.get(key).value()).as(spec.name() + " " + key)
						.isEqualTo(value));
			}
		}
	}

	@Test
	void storesDocumentsInMongo() {
		try (MongoClient client = MongoClients.create(this.infra.mongoUri())) {
			MongoCollection<Document> things = client.getDatabase("infra-test").getCollection("things");
			things.insertOne(new Document("_id", "a").append("n", 1));
			assertThat(things.find(new Document("_id", "a")).first()).containsEntry("n", 1);
		}
	}

	@Test
	void receivesMailSentOverSmtp() throws Exception {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", this.infra.smtpHost());
		properties.put("mail.smtp.port", Integer.toString(this.infra.smtpPort()));
		MimeMessage message = new MimeMessage(Session.getInstance(properties));
		message.setFrom(new InternetAddress("flowgate@example.test"));
		message.setRecipient(RecipientType.TO, new InternetAddress("owner@example.test"));
		message.setSubject("extension test");
		message.setText("hello");
		Transport.send(message);

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.infra.receivedMail()
				.stream()
				.anyMatch((mail) -> "extension test".equals(mail.subject())));
		ReceivedMail mail = this.infra.receivedMail()
			.stream()
			.filter((m) -> "extension test".equals(m.subject()))
			.findFirst()
			.orElseThrow();
		assertThat(mail.from()).isEqualTo("flowgate@example.test");
		assertThat(mail.to()).containsExactly("owner@example.test");
		assertThat(mail.text()).isEqualTo("hello");
		assertThat(mail.html()).isNull();
	}

}
