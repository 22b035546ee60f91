package dev.flowgate.contracts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopicsTest {

	@Test
	void stateTopicsAreCompactedAndStreamsAreNot() {
		assertThat(Topics.KEYS.configs()).containsEntry("cleanup.policy", "compact");
		assertThat(Topics.DEPLOYMENTS.configs()).containsEntry("cleanup.policy", "compact");
		assertThat(Topics.EXECUTIONS_REQUESTED.configs()).containsEntry("cleanup.policy", "delete")
			.containsEntry("retention.ms", "604800000");
	}

	@Test
	void compactedTopicsRollSegmentsSoThatCompactionKeepsUp() {
		assertThat(Topics.DEPLOYMENTS.configs()).containsEntry("segment.bytes", "67108864")
			.containsEntry("segment.ms", "3600000");
		assertThat(Topics.EXECUTIONS_REQUESTED.configs()).doesNotContainKeys("segment.bytes", "segment.ms");
	}

	@Test
	void triggersAndResultsSharePartitioningSoAResultLandsInTheTriggersPartitionNumber() {
		assertThat(Topics.EXECUTIONS_COMPLETED.partitions()).isEqualTo(Topics.EXECUTIONS_REQUESTED.partitions());
	}

	@Test
	void topicNamesAreUnique() {
		assertThat(Topics.all()).extracting(TopicSpec::name)
			.doesNotHaveDuplicates()
			.allMatch((n) -> n.startsWith("flowgate."));
	}

}
