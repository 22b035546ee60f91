package dev.flowgate.deployments.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.contracts.FlowEdge;
import dev.flowgate.contracts.FlowNode;
import dev.flowgate.deployments.IntegrationTest;
import dev.flowgate.deployments.domain.flow.FlowVersion;

import static org.assertj.core.api.Assertions.assertThat;

/** The latest version of a flow, found from its record by id, as after a crash. */
@IntegrationTest
class LatestFlowVersionTest {

	private static final FlowDefinition ECHO = new FlowDefinition(
			List.of(new FlowNode("text", "input", Map.of("name", "text")),
					new FlowNode("out", "output", Map.of("name", "out", "value", "{{input.text}}"))),
			List.of(new FlowEdge("text", "out", null)));

	@Autowired
	private MongoFlowRepository flows;

	private final String ownerId = "owner-" + UUID.randomUUID();

	private final String flowId = UUID.randomUUID().toString();

	@Test
	void findsAVersionStoredAfterTheFlowsRecord() {
		this.flows.recordLatest(store(1));
		this.flows.recordLatest(store(2));
		// A crash between storing a version and recording it.
		store(3);

		assertThat(this.flows.findLatestVersion(this.ownerId, this.flowId)).map(FlowVersion::version).contains(3);
	}

	@Test
	void findsTheLatestOfVersionsWithoutARecord() {
		store(1);
		store(2);

		assertThat(this.flows.findLatestVersion(this.ownerId, this.flowId)).map(FlowVersion::version).contains(2);
		assertThat(this.flows.findLatestVersion("someone-else", this.flowId)).isEmpty();
	}

	private FlowVersion store(int version) {
		FlowVersion stored = new FlowVersion(this.flowId, this.ownerId, version, "Echo", null, ECHO, Instant.now());
		assertThat(this.flows.insertVersion(stored)).isTrue();
		return stored;
	}

}
