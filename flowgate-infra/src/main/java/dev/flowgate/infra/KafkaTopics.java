package dev.flowgate.infra;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

import dev.flowgate.contracts.TopicSpec;

/**
 * Creates topics with their {@link TopicSpec#configs()}, and sets those configs on the
 * ones that exist already: a local stack's data outlives the code that made its topics.
 */
public final class KafkaTopics {

	private static final short REPLICATION_FACTOR = 1;

	private static final int TIMEOUT_SECONDS = 30;

	private KafkaTopics() {
	}

	/**
	 * Creates the missing topics on a one-node cluster (replication factor 1) and brings
	 * the configs of the others up to date.
	 */
	public static void declare(String bootstrapServers, Collection<TopicSpec> topics) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			createMissing(admin, topics);
			updateConfigs(admin, topics);
		}
	}

	private static void updateConfigs(Admin admin, Collection<TopicSpec> topics) {
		Map<ConfigResource, Collection<AlterConfigOp>> changes = new LinkedHashMap<>();
		for (TopicSpec spec : topics) {
			changes.put(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()),
					spec.configs()
						.entrySet()
						.stream()
						.map((config) -> new AlterConfigOp(new ConfigEntry(config.getKey(), config.getValue()),
								AlterConfigOp.OpType.SET))
						.toList());
		}
		try {
			admin.incrementalAlterConfigs(changes).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not set the topics' configs", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while setting the topics' configs", ex);
		}
	}

	private static void createMissing(Admin admin, Collection<TopicSpec> topics) {
		List<NewTopic> newTopics = topics.stream()
			.map((spec) -> new NewTopic(spec.name(), spec.partitions(), REPLICATION_FACTOR).configs(spec.configs()))
			.toList();
		admin.createTopics(newTopics).values().forEach((name, future) -> {
			try {
				future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
			}
			catch (ExecutionException ex) {
				if (!(ex.getCause() instanceof TopicExistsException)) {
					throw new IllegalStateException("Could not create topic " + name, ex.getCause());
				}
			}
			catch (TimeoutException ex) {
				throw new IllegalStateException("Topic " + name + " not created within " + TIMEOUT_SECONDS + " s", ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while creating topic " + name, ex);
			}
		});
	}

}
