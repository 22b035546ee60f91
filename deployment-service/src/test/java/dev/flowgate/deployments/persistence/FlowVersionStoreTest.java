package dev.flowgate.deployments.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.contracts.FlowEdge;
import dev.flowgate.contracts.FlowNode;
import dev.flowgate.deployments.IntegrationTest;
import dev.flowgate.deployments.domain.flow.FlowVersion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * An owner's stored flow versions in the real MongoDB: the running total of their sizes,
 * and the latest one found from the flow's record, as after a crash.
 */
@IntegrationTest
class FlowVersionStoreTest {

	private static final FlowDefinition ECHO = new FlowDefinition(
			List.of(new FlowNode("text", "input", Map.of("name", "text")),
					new FlowNode("out", "output", Map.of("name", "out", "value", "{{input.text}}"))),
			List.of(new FlowEdge("text", "out", null)));

	@Autowired
	private MongoFlowRepository flows;

	@Autowired
	private MongoTemplate mongo;

	private final String ownerId = "owner-" + UUID.randomUUID();

	private final String flowId = UUID.randomUUID().toString();

	@Test
	void keepsATotalAsVersionsAreStoredAndRemoved() {
		long size = store(1).definitionBytes();
		assertThat(this.flows.storedBytes(this.ownerId)).isEqualTo(size);

		store(2);
		store(3);
		assertThat(this.flows.storedBytes(this.ownerId)).isEqualTo(3 * size);

		this.flows.deleteVersion(this.flowId, 2);
		assertThat(this.flows.storedBytes(this.ownerId)).isEqualTo(2 * size);

		this.flows.deleteVersions(this.flowId);
		assertThat(this.flows.storedBytes(this.ownerId)).isZero();
	}

	@Test
	void readsTheTotalWithoutSummingTheVersionsAgain() {
		long size = store(1).definitionBytes();
		this.flows.storedBytes(this.ownerId);

		// A size changed behind its back is not read again: the total is kept, not
		// summed.
		this.mongo.updateFirst(Query.query(where("flowId").is(this.flowId)),
				new Update().set(FlowVersionDocument.DEFINITION_BYTES, 1), FlowVersionDocument.class);

		assertThat(this.flows.storedBytes(this.ownerId)).isEqualTo(size);
	}

	@Test
	void countsVersionsStoredBeforeTheTotalWasKeptOnce() {
		long size = store(1).definitionBytes();
		store(2);
		this.mongo.remove(Query.query(where("_id").is(this.ownerId)), StoredFlowBytes.COLLECTION);
		this.mongo.updateFirst(Query.query(where("_id").is(FlowVersionDocument.idOf(this.flowId, 1))),
				new Update().unset(FlowVersionDocument.DEFINITION_BYTES), FlowVersionDocument.class);

		assertThat(this.flows.storedBytes(this.ownerId)).isEqualTo(2 * size);
		store(3);
		assertThat(this.flows.storedBytes(this.ownerId)).isEqualTo(3 * size);
	}

	@Test
	void forgetsTheTotalWithTheOwner() {
		store(1);
		this.flows.storedBytes(this.ownerId);

		while (this.flows.deleteOwnedVersions(this.ownerId, 10) > 0) {
			// Batches, as the erasure deletes them.
		}

		assertThat(this.mongo.exists(Query.query(where("ownerId").is(this.ownerId)), StoredFlowBytes.COLLECTION))
			.isFalse();
	}

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
