package dev.flowgate.deployments.domain.execution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.DeploymentEnvironment;
import dev.flowgate.contracts.DeploymentLimits;
import dev.flowgate.contracts.DeploymentMode;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.contracts.FlowNode;
import dev.flowgate.contracts.TriggerSource;
import dev.flowgate.deployments.domain.InvalidRequestException.FieldProblem;
import dev.flowgate.deployments.domain.TimeCursor;
import dev.flowgate.deployments.domain.deployment.Deployment;
import dev.flowgate.deployments.domain.deployment.DeploymentRepository;
import dev.flowgate.deployments.domain.deployment.DeploymentSummary;
import dev.flowgate.deployments.domain.deployment.DeploymentService;
import dev.flowgate.deployments.domain.flow.PinnedVersion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReplayServiceTest {

	private static final Instant NOW = Instant.parse("2026-12-05T10:20:30Z");

	private static final int CURRENT_VERSION = 2;

	private final InMemoryExecutions store = new InMemoryExecutions();

	private final Deployments deploymentStore = new Deployments();

	private final DeploymentService deployments = new DeploymentService(this.deploymentStore, (id) -> {
	}, null, Clock.fixed(NOW, ZoneOffset.UTC), 1, Long.MAX_VALUE);

	private final ExecutionMerge merge = new ExecutionMerge(new PayloadLimit(1024));

	private final ExecutionService executions = new ExecutionService(this.store, this.merge, this.deployments,
			Unreplayed.RECORDED, Unreplayed.REPLAYS, Unreplayed.NONE_ERASED);

	private final List<ExecutionRecord> queued = new ArrayList<>();

	private final ReplayService replays = new ReplayService(this.executions, this.deployments, this.merge, new Queue(),
			Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(10));

	private final ExecutionEvents events = ExecutionEvents.of("e-1", "o-1", "d-1");

	@Test
	void refusesReplayWhoseInputsTheCurrentVersionNoLongerAccepts() {
		recorded(Map.of("name", "Ada"));
		deployed(input("name", "text", false), input("age", "number", true));

		assertThatExceptionOfType(ReplayInputsRejectedException.class)
			.isThrownBy(() -> this.replays.replay("o-1", "e-1"))
			.withMessage("Execution 'e-1' cannot be replayed: the deployment's current flow version 2"
					+ " no longer accepts this execution's inputs")
			.satisfies((ex) -> assertThat(ex.problems())
				.containsExactly(new FieldProblem("input_data.age", "is required")));
		assertThat(this.queued).isEmpty();
		assertThat(this.store.stored).containsOnlyKeys("e-1");
	}

	@Test
	void namesEveryInputWhoseTypeTheCurrentVersionNoLongerAccepts() {
		Map<String, Object> inputs = new HashMap<>();
		inputs.put("name", "Ada");
		inputs.put("age", "42");
		inputs.put("member", "yes");
		inputs.put("doc", "ftp://example.com/a.pdf");
		inputs.put("title", 7);
		inputs.put("score", Double.POSITIVE_INFINITY);
		inputs.put("nickname", null);
		recorded(inputs);
		deployed(input("name", "json", true), input("age", "number", false), input("member", "boolean", false),
				input("doc", "file_url", false), input("title", "text", false), input("score", "number", false),
				input("nickname", "text", true));

		assertThatExceptionOfType(ReplayInputsRejectedException.class)
			.isThrownBy(() -> this.replays.replay("o-1", "e-1"))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly(
					new FieldProblem("input_data.age", "must be a number"),
					new FieldProblem("input_data.member", "must be a boolean"),
					new FieldProblem("input_data.doc", "must be an http(s) URL"),
					new FieldProblem("input_data.title", "must be a string"),
					new FieldProblem("input_data.score", "must be a number"),
					new FieldProblem("input_data.nickname", "is required")));
		assertThat(this.queued).isEmpty();
	}

	@Test
	void queuesAReplayWhoseInputsStillFitTheCurrentVersion() {
		recorded(Map.of("name", "Ada", "age", 42, "undeclared", "passes through"));
		deployed(input("name", "text", true), input("age", "number", true), input("nickname", "text", false));

		ExecutionRecord replay = this.replays.replay("o-1", "e-1");

		assertThat(replay.status()).isEqualTo(ExecutionStatus.QUEUED);
		assertThat(replay.flowVersion()).isEqualTo(CURRENT_VERSION);
		assertThat(replay.trigger().source()).isEqualTo(TriggerSource.REPLAY);
		assertThat(replay.trigger().inputs().values()).containsOnlyKeys("name", "age", "undeclared");
		assertThat(this.queued).containsExactly(replay);
	}

	@Test
	void carriesTheOriginalCallsOwnCallbackUrlOver() {
		this.executions.recordAll(List.of(this.events.requested(Map.of("name", "Ada"), "https://example.com/own-hook"),
				this.events.completed(ExecutionStatus.SUCCEEDED, 40)));
		deployed(input("name", "text", true));

		ExecutionRecord replay = this.replays.replay("o-1", "e-1");

		assertThat(ReplayTriggers.of(replay).callbackUrl()).isEqualTo("https://example.com/own-hook");
	}

	@Test
	void namesNoCallbackWhenTheOriginalCallNamedNone() {
		recorded(Map.of("name", "Ada"));
		deployed(input("name", "text", true));

		ExecutionRecord replay = this.replays.replay("o-1", "e-1");

		assertThat(ReplayTriggers.of(replay).callbackUrl()).isNull();
	}

	private void recorded(Map<String, Object> inputs) {
		this.executions
			.recordAll(List.of(this.events.requested(inputs), this.events.completed(ExecutionStatus.SUCCEEDED, 40)));
	}

	/** Deployment d-1, redeployed with version 2 of its flow, which has these inputs. */
	private void deployed(FlowNode... inputs) {
		this.deploymentStore.current = new Deployment("d-1", "o-1", "Greeting", "f-1", CURRENT_VERSION,
				new FlowDefinition(List.of(inputs), List.of()), DeploymentMode.ASYNC, DeploymentEnvironment.PRODUCTION,
				true, 30, DeliveryTarget.NONE, DeploymentLimits.NONE, 2, NOW, NOW);
	}

	private static FlowNode input(String name, String type, boolean required) {
		return new FlowNode(name, "input", Map.of("name", name, "inputType", type, "required", required));
	}

	private final class Queue implements ReplayQueue {

		@Override
		public void enqueue(ExecutionRecord replay) {
			ReplayServiceTest.this.queued.add(replay);
		}

		@Override
		public void landed(String executionId) {
		}

	}

	/** The one deployment a replay looks up. */
	private static final class Deployments implements DeploymentRepository {

		private Deployment current;

		@Override
		public Optional<Deployment> find(String ownerId, String deploymentId) {
			return Optional.ofNullable(this.current)
				.filter((deployment) -> deployment.ownerId().equals(ownerId) && deployment.id().equals(deploymentId));
		}

		@Override
		public void insert(Deployment deployment) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<DeploymentSummary> findAll(String ownerId) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Map<String, PinnedVersion> findPins(String ownerId) {
			throw new UnsupportedOperationException();
		}

		@Override
		public long countOwned(String ownerId) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<DeploymentSummary> findNewest(String ownerId, TimeCursor after, int count) {
			throw new UnsupportedOperationException();
		}

		@Override
		public boolean update(Deployment next) {
			throw new UnsupportedOperationException();
		}

		@Override
		public boolean markDeleted(Deployment current) {
			throw new UnsupportedOperationException();
		}

	}

}
