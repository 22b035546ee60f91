package dev.flowgate.deployments.domain.owner;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.flowgate.contracts.DeploymentEnvironment;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.contracts.FlowEdge;
import dev.flowgate.contracts.FlowNode;
import dev.flowgate.contracts.TriggersRejected;
import dev.flowgate.deployments.domain.deployment.Deployment;
import dev.flowgate.deployments.domain.deployment.DeploymentSummary;
import dev.flowgate.deployments.domain.deployment.DeploymentChanges;
import dev.flowgate.deployments.domain.deployment.DeploymentService;
import dev.flowgate.deployments.domain.deployment.InMemoryDeployments;
import dev.flowgate.deployments.domain.deployment.InMemoryFlows;
import dev.flowgate.deployments.domain.execution.ExecutionEvents;
import dev.flowgate.deployments.domain.execution.ExecutionMerge;
import dev.flowgate.deployments.domain.execution.ExecutionService;
import dev.flowgate.deployments.domain.execution.InMemoryErasedOwners;
import dev.flowgate.deployments.domain.execution.InMemoryExecutions;
import dev.flowgate.deployments.domain.execution.PayloadLimit;
import dev.flowgate.deployments.domain.execution.Unreplayed;
import dev.flowgate.deployments.domain.flow.FlowDraft;
import dev.flowgate.deployments.domain.flow.FlowService;
import dev.flowgate.deployments.domain.flow.FlowValidator;
import dev.flowgate.deployments.domain.idempotency.IdempotencyKey;
import dev.flowgate.deployments.domain.idempotency.IdempotencyRecord;
import dev.flowgate.deployments.domain.idempotency.InMemoryIdempotencyStore;
import dev.flowgate.deployments.domain.usage.DeploymentHour;
import dev.flowgate.deployments.domain.usage.HourSummary;
import dev.flowgate.deployments.domain.usage.InMemoryHourSummaries;
import dev.flowgate.deployments.domain.usage.InMemoryRejectedCallCounts;
import dev.flowgate.deployments.domain.usage.KeyHourSummary;
import dev.flowgate.deployments.domain.usage.UsageTally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A deleted owner's data goes, whatever state it is in and however much of it there is
 * (more than a batch of each kind here), and no other owner's with it.
 */
class OwnerErasureTest {

	private static final String ERASED = "owner-erased";

	private static final String KEPT = "owner-kept";

	private static final Instant NOW = Instant.parse("2026-12-07T10:15:30Z");

	private static final Instant HOUR = NOW.truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS);

	/** Before every hour of usage here. */
	private static final Instant DAY_BEFORE = NOW.minus(1, ChronoUnit.DAYS);

	/** Fewer than the owner has of anything, so each kind takes several batches. */
	private static final int BATCH = 2;

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final InMemoryDeployments deploymentStore = new InMemoryDeployments();

	private final InMemoryFlows flowStore = new InMemoryFlows();

	private final FlowService flows = new FlowService(this.flowStore, this.deploymentStore, new FlowValidator(10, 10),
			this.clock, Long.MAX_VALUE);

	/** The deployments whose state (or tombstone) was published, in order. */
	private final List<String> published = new ArrayList<>();

	private final DeploymentService deployments = new DeploymentService(this.deploymentStore, this.published::add,
			this.flows, this.clock, 100, Long.MAX_VALUE);

	private final InMemoryExecutions executionStore = new InMemoryExecutions();

	private final InMemoryErasedOwners erasedOwners = new InMemoryErasedOwners();

	private final ExecutionService executions = new ExecutionService(this.executionStore,
			new ExecutionMerge(new PayloadLimit(1024)), this.deployments, Unreplayed.RECORDED, Unreplayed.REPLAYS,
			this.erasedOwners);

	private final InMemoryHourSummaries summaries = new InMemoryHourSummaries();

	private final InMemoryRejectedCallCounts rejections = new InMemoryRejectedCallCounts();

	private final InMemoryIdempotencyStore idempotency = new InMemoryIdempotencyStore();

	private final OwnerErasure erasure = new OwnerErasure(this.erasedOwners, this.deployments, this.flows,
			this.flowStore, this.executionStore, this.summaries, this.rejections, this.idempotency, this.clock, BATCH);

	@Test
	void erasesEveryDeploymentOfTheOwnerWhateverItsStateAndLeavesOthers() {
		String flowId = flow(ERASED);
		List<String> erased = List.of(deploy(ERASED, flowId, "production", true),
				deploy(ERASED, flowId, "production", false), deploy(ERASED, flowId, "test", true),
				deploy(ERASED, flowId, "test", false), deploy(ERASED, flowId, "production", true));
		String kept = deploy(KEPT, flow(KEPT), "production", true);
		this.published.clear();

		this.erasure.erase(ERASED);

		assertThat(this.deployments.list(ERASED)).isEmpty();
		// Each deleted through the deletion path: its tombstone is published.
		assertThat(this.published).containsExactlyInAnyOrderElementsOf(erased);
		assertThat(this.deployments.list(KEPT)).extracting(DeploymentSummary::id).containsExactly(kept);
	}

	@Test
	void erasesEveryFlowWithAllItsVersionsAndLeavesOthers() {
		List<String> erased = List.of(flow(ERASED), flow(ERASED), flow(ERASED));
		erased.forEach((flowId) -> this.flows.update(ERASED, flowId, draft("Echo v2")));
		deploy(ERASED, erased.get(0), "production", true);
		String kept = flow(KEPT);
		this.flows.update(KEPT, kept, draft("Echo v2"));

		this.erasure.erase(ERASED);

		assertThat(this.flows.list(ERASED, null, null).items()).isEmpty();
		assertThat(erased).noneMatch(this.flowStore::hasVersions);
		assertThat(this.flows.latest(KEPT, kept).version()).isEqualTo(2);
		assertThat(this.flows.version(KEPT, kept, 1).name()).isEqualTo("Echo");
	}

	@Test
	void erasesVersionsLeftWithoutTheirFlowByADeletionThatCrashed() {
		String flowId = flow(ERASED);
		this.flowStore.deleteFlow(flowId);

		this.erasure.erase(ERASED);

		assertThat(this.flowStore.hasVersions(flowId)).isFalse();
	}

	@Test
	void erasesTheOwnersExecutionsUsageAndIdempotencyRecordsAndLeavesOthers() {
		List<String> erased = List.of(execution(ERASED, "d-erased"), execution(ERASED, "d-erased"),
				execution(ERASED, "d-erased"), execution(ERASED, "d-erased-2"), execution(ERASED, "d-erased-2"));
		String kept = execution(KEPT, "d-kept");
		usage(ERASED, "d-erased");
		usage(ERASED, "d-erased-2");
		usage(KEPT, "d-kept");
		IdempotencyKey[] erasedKeys = { idempotent(ERASED, "k-1"), idempotent(ERASED, "k-2"),
				idempotent(ERASED, "k-3") };
		IdempotencyKey keptKey = idempotent(KEPT, "k-1");

		this.erasure.erase(ERASED);

		assertThat(erased).allSatisfy(
				(executionId) -> assertThat(this.executionStore.find(ERASED, executionId)).as(executionId).isEmpty());
		assertThat(this.executionStore.find(KEPT, kept)).isPresent();
		List<String> erasedDeployments = List.of("d-erased", "d-erased-2");
		assertThat(this.summaries.of(ERASED, erasedDeployments, DAY_BEFORE, NOW)).isEmpty();
		assertThat(this.summaries.ofKey(ERASED, erasedDeployments, "key-1", DAY_BEFORE, NOW)).isEmpty();
		assertThat(this.rejections.sinceEach(ERASED, erasedDeployments, DAY_BEFORE)).isEmpty();
		assertThat(erasedKeys).allSatisfy((key) -> assertThat(this.idempotency.find(key)).isEmpty());
		assertThat(this.summaries.of(KEPT, List.of("d-kept"), DAY_BEFORE, NOW)).hasSize(3);
		assertThat(this.summaries.ofKey(KEPT, List.of("d-kept"), "key-1", DAY_BEFORE, NOW)).hasSize(3);
		assertThat(this.rejections.since(KEPT, "d-kept", DAY_BEFORE)).containsEntry("rate_limited", 3L);
		assertThat(this.idempotency.find(keptKey)).isPresent();
	}

	@Test
	void erasingAgainChangesNothing() {
		String flowId = flow(ERASED);
		deploy(ERASED, flowId, "production", true);
		String kept = deploy(KEPT, flow(KEPT), "production", true);
		String keptExecution = execution(KEPT, kept);
		this.erasure.erase(ERASED);
		this.published.clear();

		this.erasure.erase(ERASED);

		assertThat(this.published).isEmpty();
		assertThat(this.deployments.list(KEPT)).extracting(DeploymentSummary::id).containsExactly(kept);
		assertThat(this.executionStore.find(KEPT, keptExecution)).isPresent();
		assertThat(this.erasedOwners.erasedAt(ERASED)).isEqualTo(NOW);
	}

	@Test
	void aRunCutShortIsCompletedByTheNextOne() {
		String flowId = flow(ERASED);
		String deploymentId = deploy(ERASED, flowId, "production", true);
		String executionId = execution(ERASED, deploymentId);
		this.deploymentStore.afterNextLook(() -> {
			throw new IllegalStateException("Timed out after 5000 ms while waiting for a server");
		});

		assertThatThrownBy(() -> this.erasure.erase(ERASED)).isInstanceOf(IllegalStateException.class);
		assertThat(this.deployments.list(ERASED)).isEmpty();
		assertThat(this.executionStore.find(ERASED, executionId)).isPresent();

		this.erasure.erase(ERASED);

		assertThat(this.flows.list(ERASED, null, null).items()).isEmpty();
		assertThat(this.flowStore.hasVersions(flowId)).isFalse();
		assertThat(this.executionStore.find(ERASED, executionId)).isEmpty();
	}

	@Test
	void anExecutionStillInFlightWhenItsOwnerWasErasedIsNotRecordedAgain() {
		ExecutionEvents inFlight = ExecutionEvents.of("e-in-flight", ERASED, "d-erased");
		this.executions.recordAll(List.of(inFlight.requested(Map.of("question", "q"))));
		this.erasure.erase(ERASED);
		ExecutionEvents other = ExecutionEvents.of("e-other", KEPT, "d-kept");

		this.executions.recordAll(List.of(inFlight.started(), other.requested(Map.of("question", "q")),
				inFlight.completed(ExecutionStatus.SUCCEEDED, 40)));

		assertThat(this.executionStore.find(ERASED, "e-in-flight")).isEmpty();
		assertThat(this.executionStore.find(KEPT, "e-other")).isPresent();
	}

	private String flow(String ownerId) {
		return this.flows.create(ownerId, draft("Echo")).flowId();
	}

	private String deploy(String ownerId, String flowId, String environment, boolean enabled) {
		return this.deployments
			.create(ownerId, flowId, new DeploymentChanges(null, null, null, environment, enabled, null, null, null))
			.id();
	}

	private String execution(String ownerId, String deploymentId) {
		ExecutionEvents events = ExecutionEvents.of(UUID.randomUUID().toString(), ownerId, deploymentId);
		this.executions.recordAll(
				List.of(events.requested(Map.of("question", "q")), events.completed(ExecutionStatus.SUCCEEDED, 40)));
		assertThat(this.executionStore.find(ownerId, events.executionId())).isPresent();
		return events.executionId();
	}

	/**
	 * Three hours of summaries, a key's share of each, and three counts of refused calls.
	 */
	private void usage(String ownerId, String deploymentId) {
		for (int i = 0; i < 3; i++) {
			DeploymentHour hour = new DeploymentHour(ownerId, deploymentId, HOUR.minus(i, ChronoUnit.HOURS));
			this.summaries.save(List.of(new HourSummary(hour, new UsageTally())));
			this.summaries.saveOfKeys(List.of(new KeyHourSummary(hour, "key-1", new UsageTally())));
			this.rejections.add(new TriggersRejected(UUID.randomUUID(), TriggersRejected.SCHEMA_VERSION, NOW, ownerId,
					deploymentId, NOW.minusSeconds(10), NOW, Map.of("rate_limited", 1L)));
		}
	}

	private IdempotencyKey idempotent(String ownerId, String key) {
		IdempotencyKey id = new IdempotencyKey(ownerId, key);
		this.idempotency.insert(new IdempotencyRecord(id, "sha256:abc", NOW, null));
		return id;
	}

	private static FlowDraft draft(String name) {
		return new FlowDraft(name, null,
				new FlowDefinition(
						List.of(new FlowNode("text", "input", Map.of("name", "text")),
								new FlowNode("out", "output", Map.of("name", "out", "value", "{{input.text}}"))),
						List.of(new FlowEdge("text", "out", null))));
	}

}
