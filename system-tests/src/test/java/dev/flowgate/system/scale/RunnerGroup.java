package dev.flowgate.system.scale;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import dev.flowgate.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;

/**
 * The runners' consumer group as Kafka sees it: which members hold trigger partitions.
 */
final class RunnerGroup implements AutoCloseable {

	// The runner's @KafkaListener id and group (TriggerListener.ID).
	private static final String GROUP = "flow-runner";

	private final Admin admin;

	RunnerGroup(String bootstrapServers) {
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
	}

	/** How many trigger partitions each member holds, members without any included. */
	List<Integer> partitionsPerMember() {
		return members().stream()
			.map((member) -> (int) member.assignment()
				.topicPartitions()
				.stream()
				.filter((partition) -> partition.topic().equals(Topics.EXECUTIONS_REQUESTED.name()))
				.count())
			.toList();
	}

	@Override
	public void close() {
		this.admin.close();
	}

	private Collection<MemberDescription> members() {
		try {
			ConsumerGroupDescription group = this.admin.describeConsumerGroups(List.of(GROUP))
				.describedGroups()
				.get(GROUP)
				.get();
			return group.members();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Cannot describe the group " + GROUP, ex);
		}
	}

}
