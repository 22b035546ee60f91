package dev.flowgate.kafka;

import java.util.Collection;
import java.util.Optional;

import dev.flowgate.contracts.TopicSpec;
import dev.flowgate.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Every Flowgate topic, declared with its settings from {@link Topics}, so the first
 * service to start creates the missing ones where the broker does not create topics
 * itself (docker-compose turns auto-creation off; on Kubernetes Strimzi's KafkaTopic
 * resources exist first, and existing topics are left as they are). The replication
 * factor is the broker's default.
 */
@Configuration(proxyBeanMethods = false)
public class TopicDeclarations {

	@Bean
	KafkaAdmin.NewTopics flowgateTopics() {
		return of(Topics.all());
	}

	static KafkaAdmin.NewTopics of(Collection<TopicSpec> topics) {
		return new KafkaAdmin.NewTopics(topics.stream()
			.map((spec) -> new NewTopic(spec.name(), Optional.of(spec.partitions()), Optional.empty())
				.configs(spec.configs()))
			.toArray(NewTopic[]::new));
	}

}
