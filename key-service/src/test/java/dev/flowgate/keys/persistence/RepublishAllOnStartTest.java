package dev.flowgate.keys.persistence;

import java.time.Duration;

import dev.flowgate.keys.KeyServiceApplication;
import dev.flowgate.keys.KeyServiceIntegrationTest;
import dev.flowgate.keys.TopicReader;
import dev.flowgate.keys.domain.key.IssuedKey;
import dev.flowgate.keys.domain.key.KeyIssuer;
import dev.flowgate.keys.domain.key.KeyRequest;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After Kafka lost {@code flowgate.keys}, every key is published as far as MongoDB knows:
 * one start with {@code FLOWGATE_OUTBOX_REPUBLISH_ALL_ON_START} sends them all again.
 */
@KeyServiceIntegrationTest
class RepublishAllOnStartTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static TopicReader topic;

	@Autowired
	private KeyIssuer issuer;

	@Autowired
	private MongoTemplate mongo;

	@BeforeAll
	static void readTopic() {
		topic = TopicReader.keys();
	}

	@AfterAll
	static void closeTopic() {
		topic.close();
	}

	@Test
	void publishesAKeyAlreadyPublishedAgainWhenStartedToRepublishAll() {
		IssuedKey issued = this.issuer.issue("owner-republished", KeyRequest.firstKey());
		String id = issued.key().id();
		topic.awaitFirstState(id);
		await().atMost(WAIT).until(() -> Boolean.FALSE.equals(document(id).get("pending")));
		assertThat(topic.recordsOf(id)).hasSize(1);

		try (ConfigurableApplicationContext restarted = startWith("FLOWGATE_OUTBOX_REPUBLISH_ALL_ON_START=true")) {
			await().atMost(WAIT).until(() -> topic.recordsOf(id).size() == 2);
		}

		assertThat(topic.parse(topic.recordsOf(id).get(1).value()).version()).isEqualTo(issued.key().version());
	}

	/** Another instance of the service, as the operator starts one after the loss. */
	private static ConfigurableApplicationContext startWith(String setting) {
		return new SpringApplicationBuilder(KeyServiceApplication.class).web(WebApplicationType.NONE)
			.profiles("test")
			// Not a member of the trigger listener's group: no rebalance for the other
			// tests.
			.properties(setting, "spring.kafka.listener.auto-startup=false")
			.run();
	}

	private Document document(String keyId) {
		return this.mongo.getCollection(KeyDocument.COLLECTION).find(new Document(KeyDocument.ID, keyId)).first();
	}

}
