package dev.flowgate.runner.domain.execution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.DeploymentStateChanged;
import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionError;
import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.contracts.ExecutionStarted;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.contracts.TriggerSource;
import dev.flowgate.infra.test.HttpStub;
import dev.flowgate.infra.test.HttpStub.Reply;
import dev.flowgate.runner.domain.deployment.DeploymentView;
import dev.flowgate.runner.support.Deployments;
import dev.flowgate.runner.support.EngineFixture;
import dev.flowgate.runner.support.Flows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ExecutionServiceTest {

	private static final Instant CANCEL_REQUESTED_AT = Instant.parse("2026-12-05T10:00:00Z");

	private static final String OWNER = "owner-1";

	private final HttpStub api = HttpStub.start();

	private final EngineFixture fixture = new EngineFixture(this.api.url(""));

	private final DeploymentView view = new DeploymentView();

	private final List<ExecutionStarted> started = new CopyOnWriteArrayList<>();

	private final ExecutionService service = service(Duration.ZERO);

	@AfterEach
	void stop() {
		this.fixture.close();
		this.api.close();
	}

	@Test
	void announcesOnlyTheStartOfExecutionsStillRunningAfterTheNoticeDelay() {
		ExecutionService delayed = service(Duration.ofMillis(500));
		this.api.on("/slow", (request) -> Reply.json(200, "{}").after(Duration.ofSeconds(1)));
		DeploymentStateChanged slow = Deployments.of("slow", OWNER,
				Flows.flow().node("call", "http", Map.of("url", this.api.url("/slow"))).build(), DeliveryTarget.NONE);
		DeploymentStateChanged quick = Deployments.echo("quick", OWNER);
		this.view.put(slow);
		this.view.put(quick);
		// A cold engine's first run is slow; the quick one must be quick.
		resultOf(this.service.start("e-warm", Deployments.trigger("e-warm", quick, Map.of("text", "hi"))));
		this.started.clear();

		ExecutionCompleted quickResult = resultOf(
				delayed.start("e-quick", Deployments.trigger("e-quick", quick, Map.of("text", "hi"))));
		ExecutionCompleted slowResult = resultOf(
				delayed.start("e-slow", Deployments.trigger("e-slow", slow, Map.of())));

		assertThat(quickResult.runnerId()).isEqualTo("runner-7");
		assertThat(slowResult.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
		assertThat(this.started).singleElement().satisfies((event) -> {
			assertThat(event.executionId()).isEqualTo("e-slow");
			// The notice is late, its time is not: the execution's start.
			assertThat(event.occurredAt()).isBefore(slowResult.startedAt().plusMillis(100));
		});
	}

	@Test
	void runsTheDeployedFlowAndAnnouncesTheStart() {
		DeploymentStateChanged deployment = Deployments.echo("dep-1", OWNER);
		this.view.put(deployment);

		ExecutionCompleted result = resultOf(
				this.service.start("exec-1", Deployments.trigger("exec-1", deployment, Map.of("text", "hi"))));

		assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
		assertThat(result.outputs()).containsExactly(Map.entry("echo", "hi"));
		assertThat(result.executionId()).isEqualTo("exec-1");
		assertThat(result.ownerId()).isEqualTo(OWNER);
		assertThat(result.deploymentId()).isEqualTo("dep-1");
		assertThat(result.deploymentName()).isEqualTo(deployment.name());
		assertThat(result.flowVersion()).isEqualTo(Deployments.FLOW_VERSION);
		assertThat(result.replyTo()).isEqualTo("gw-test");
		assertThat(result.runnerId()).isEqualTo("runner-7");
		assertThat(result.delivery()).isEqualTo(deployment.delivery());
		assertThat(result.trace()).hasSize(2);
		assertThat(result.durationMillis())
			.isEqualTo(Duration.between(result.startedAt(), result.finishedAt()).toMillis());
		assertThat(this.started).singleElement().satisfies((event) -> {
			assertThat(event.executionId()).isEqualTo("exec-1");
			assertThat(event.runnerId()).isEqualTo("runner-7");
			assertThat(event.flowVersion()).isEqualTo(Deployments.FLOW_VERSION);
		});
	}

	@Test
	void usesTheTriggersCallbackOnlyWhenTheDeploymentAllowsIt() {
		FlowDefinition flow = Deployments.echo("x", OWNER).flow();
		DeploymentStateChanged open = Deployments.of("open", OWNER, flow,
				new DeliveryTarget("https://default.example.com", "ops@example.com", true));
		DeploymentStateChanged closed = Deployments.of("closed", OWNER, flow,
				new DeliveryTarget("https://default.example.com", null, false));
		this.view.put(open);
		this.view.put(closed);

		ExecutionCompleted overridden = resultOf(this.service.start("e-1",
				Deployments.trigger("e-1", "open", OWNER, Map.of("text", "a"), "https://mine.example.com")));
		ExecutionCompleted kept = resultOf(this.service.start("e-2",
				Deployments.trigger("e-2", "closed", OWNER, Map.of("text", "a"), "https://mine.example.com")));

		assertThat(overridden.delivery())
			.isEqualTo(new DeliveryTarget("https://mine.example.com", "ops@example.com", true));
		assertThat(kept.delivery()).isEqualTo(closed.delivery());
	}

	@Test
	void failsATriggerTheRunnerCouldNotTakeAsAnInternalErrorForItsOwner() {
		DeploymentStateChanged deployment = Deployments.of("hooked", OWNER, Deployments.echo("x", OWNER).flow(),
				new DeliveryTarget("https://hooks.example.com", null, false));
		this.view.put(deployment);

		ExecutionCompleted result = this.service.untaken("e-1",
				Deployments.trigger("e-1", deployment, Map.of("text", "hi")), new IllegalStateException("bug"));

		assertThat(result.executionId()).isEqualTo("e-1");
		assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
		assertThat(result.error().code()).isEqualTo("internal_error");
		assertThat(result.error().message()).contains("IllegalStateException");
		assertThat(result.deploymentId()).isEqualTo("hooked");
		assertThat(result.deploymentName()).isEqualTo(deployment.name());
		assertThat(result.replyTo()).isEqualTo("gw-test");
		assertThat(result.delivery()).isEqualTo(deployment.delivery());
	}

	@Test
	void waitsBrieflyForADeploymentThatIsNotInTheViewYet() {
		DeploymentStateChanged deployment = Deployments.echo("late", OWNER);
		Execution execution = this.service.start("e-1", Deployments.trigger("e-1", deployment, Map.of("text", "x")));

		this.view.put(deployment);

		assertThat(resultOf(execution).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
	}

	@Test
	void failsATriggerForAnUnknownDeployment() {
		ExecutionCompleted result = resultOf(
				this.service.start("e-1", Deployments.trigger("e-1", "ghost", OWNER, Map.of(), null)));

		assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
		assertThat(result.error())
			.isEqualTo(new ExecutionError(null, "invalid_trigger", "the deployment 'ghost' does not exist"));
		assertThat(result.delivery()).isEqualTo(DeliveryTarget.NONE);
		assertThat(result.replyTo()).isEqualTo("gw-test");
		assertThat(this.started).isEmpty();
	}

	@Test
	void sendsTheFailureForAnUnknownDeploymentToTheCallbackTheCallNamed() {
		ExecutionCompleted result = resultOf(this.service.start("e-1",
				Deployments.trigger("e-1", "ghost", OWNER, Map.of(), "https://mine.example.com")));

		assertThat(result.error().message()).isEqualTo("the deployment 'ghost' does not exist");
		assertThat(result.delivery()).isEqualTo(new DeliveryTarget("https://mine.example.com", null, true));
	}

	@Test
	void sendsTheFailureOfAnUntakenTriggerWithoutItsDeploymentToTheCallbackTheCallNamed() {
		ExecutionCompleted named = this.service.untaken("e-1",
				Deployments.trigger("e-1", "ghost", OWNER, Map.of(), "https://mine.example.com"),
				new IllegalStateException("bug"));
		ExecutionCompleted unnamed = this.service.untaken("e-2",
				Deployments.trigger("e-2", "ghost", OWNER, Map.of(), null), new IllegalStateException("bug"));

		assertThat(named.error().code()).isEqualTo("internal_error");
		assertThat(named.delivery()).isEqualTo(new DeliveryTarget("https://mine.example.com", null, true));
		assertThat(unnamed.delivery()).isEqualTo(DeliveryTarget.NONE);
	}

	@Test
	void keepsAReplaysInheritedCallbackUnusedWhenItsDeploymentIsUnknown() {
		// Nobody checked the original call's URL against the deployment's current
		// settings when the replay was accepted.
		ExecutionRequested call = Deployments.trigger("e-1", "ghost", OWNER, Map.of(), "https://mine.example.com");
		ExecutionRequested replay = new ExecutionRequested(UUID.randomUUID(), ExecutionRequested.SCHEMA_VERSION,
				Instant.now(), "e-2", OWNER, "ghost", Deployments.FLOW_VERSION, null, TriggerSource.REPLAY, call.mode(),
				Map.of(), null, call.deadline(), call.callbackUrl(), "e-1", null, null);

		ExecutionCompleted result = resultOf(this.service.start("e-2", replay));

		assertThat(result.error().message()).isEqualTo("the deployment 'ghost' does not exist");
		assertThat(result.delivery()).isEqualTo(DeliveryTarget.NONE);
	}

	@Test
	void treatsAnotherOwnersDeploymentAsUnknown() {
		this.view.put(Deployments.echo("theirs", "owner-2"));

		ExecutionCompleted result = resultOf(
				this.service.start("e-1", Deployments.trigger("e-1", "theirs", OWNER, Map.of("text", "x"), null)));

		assertThat(result.error().message()).isEqualTo("the deployment 'theirs' does not exist");
		assertThat(result.delivery()).isEqualTo(DeliveryTarget.NONE);
		assertThat(result.outputs()).isEmpty();
	}

	@Test
	void failsIncompleteTriggersKeyedByTheRecordKey() {
		ExecutionRequested noDeployment = Deployments.trigger("e-1", null, OWNER, Map.of(), null);
		ExecutionRequested noId = Deployments.trigger(null, "dep", OWNER, Map.of(), null);
		ExecutionRequested otherId = Deployments.trigger("e-3", "dep", OWNER, Map.of(), null);
		ExecutionStarted wrongType = new ExecutionStarted(UUID.randomUUID(), 1, Instant.now(), "e-4", OWNER, "dep", 1,
				"r");

		assertThat(errorOf(this.service.start("e-1", noDeployment))).isEqualTo("the trigger has no deploymentId");
		assertThat(errorOf(this.service.start("e-2", noId))).isEqualTo("the trigger has no executionId");
		assertThat(errorOf(this.service.start("e-9", otherId)))
			.isEqualTo("the record key 'e-9' differs from the executionId 'e-3'");
		assertThat(errorOf(this.service.start("e-4", wrongType)))
			.isEqualTo("the record is not an execution.requested event");
		assertThat(resultOf(this.service.start("e-2", noId)).executionId()).isEqualTo("e-2");
	}

	@Test
	void refusesATriggerThatNamesNoExecutionAtAll() {
		ExecutionRequested anonymous = Deployments.trigger(" ", "dep", OWNER, Map.of(), null);

		assertThatThrownBy(() -> this.service.start(null, anonymous)).isInstanceOf(InvalidTriggerException.class);
		assertThatThrownBy(() -> this.service.start(null, null)).isInstanceOf(InvalidTriggerException.class);
	}

	@Test
	void failsAnExecutionTheRunnerItselfCannotRunInsteadOfLeavingItWithoutAResult() {
		// deployment-service never publishes a deployment without its flow; one that did
		// makes the engine throw, not fail the flow.
		DeploymentStateChanged untyped = Deployments.of("untyped", OWNER, null,
				new DeliveryTarget("https://hooks.example.com", null, false));
		this.view.put(untyped);

		Execution execution = this.service.start("e-1", Deployments.trigger("e-1", untyped, Map.of()));
		ExecutionCompleted result = resultOf(execution);

		assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
		assertThat(result.error().code()).isEqualTo("internal_error");
		assertThat(result.error().message()).startsWith("the runner failed while running this execution (");
		assertThat(result.delivery()).isEqualTo(untyped.delivery());
		assertThat(result.deploymentName()).isEqualTo(untyped.name()).isNotNull();
		assertThat(execution.internalFailure()).isPresent();
	}

	@Test
	void reportsANodeWithoutATypeAsAFlowThatCannotRun() {
		// Deployment validation refuses it; one that slipped through is the flow's fault.
		DeploymentStateChanged untyped = Deployments.of("untyped", OWNER,
				Flows.flow().node("a", null, Map.of()).build(),
				new DeliveryTarget("https://hooks.example.com", null, false));
		this.view.put(untyped);

		ExecutionCompleted result = resultOf(this.service.start("e-1", Deployments.trigger("e-1", untyped, Map.of())));

		assertThat(result.error())
			.isEqualTo(new ExecutionError(null, "invalid_flow", "node 'a' has the unknown type 'null'"));
	}

	@Test
	void reportsAFlowThatCannotRunToItsOwner() {
		FlowDefinition cycle = Flows.flow()
			.node("a", "template", Map.of("template", "a"))
			.node("b", "template", Map.of("template", "b"))
			.edge("a", "b")
			.edge("b", "a")
			.build();
		DeploymentStateChanged broken = Deployments.of("broken", OWNER, cycle,
				new DeliveryTarget("https://hooks.example.com", null, false));
		this.view.put(broken);

		ExecutionCompleted result = resultOf(this.service.start("e-1", Deployments.trigger("e-1", broken, Map.of())));

		assertThat(result.error()).isEqualTo(new ExecutionError(null, "invalid_flow", "the flow has a cycle"));
		assertThat(result.delivery()).isEqualTo(broken.delivery());
		assertThat(result.deploymentName()).as("named in the callback and the email subject")
			.isEqualTo(broken.name())
			.isNotNull();
	}

	@Test
	void endsAnExecutionPastItsDeadlineAsTimedOut() {
		this.api.on("/slow", (request) -> Reply.json(200, "{}").after(Duration.ofSeconds(5)));
		DeploymentStateChanged slow = Deployments.of("slow", OWNER,
				Flows.flow().node("call", "http", Map.of("url", this.api.url("/slow"))).build(), DeliveryTarget.NONE);
		this.view.put(slow);
		ExecutionRequested trigger = Deployments.trigger("e-1", slow, Map.of());
		ExecutionRequested hurried = new ExecutionRequested(trigger.eventId(), 1, trigger.occurredAt(), "e-1", OWNER,
				"slow", 1, null, TriggerSource.REPLAY, trigger.mode(), Map.of(), null, Instant.now().plusMillis(300),
				null, null, null, null);

		ExecutionCompleted result = resultOf(this.service.start("e-1", hurried));

		assertThat(result.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
		assertThat(result.error().code()).isEqualTo("timeout");
	}

	@Test
	void stopsARunningExecutionAsCancelledAndStillDeliversItsResult() {
		this.api.on("/slow", (request) -> Reply.json(200, "{}").after(Duration.ofSeconds(5)));
		DeliveryTarget hook = new DeliveryTarget("https://example.com/hook", null, false);
		DeploymentStateChanged slow = Deployments.of("slow", OWNER,
				Flows.flow().node("call", "http", Map.of("url", this.api.url("/slow"))).build(), hook);
		this.view.put(slow);
		Execution execution = this.service.start("e-1", Deployments.trigger("e-1", slow, Map.of()));
		await().until(() -> !this.api.arrivals("/slow").isEmpty());

		execution.stop(CANCEL_REQUESTED_AT);

		ExecutionCompleted result = resultOf(execution);
		assertThat(result.status()).isEqualTo(ExecutionStatus.CANCELLED);
		assertThat(result.cancelRequestedAt()).isEqualTo(CANCEL_REQUESTED_AT);
		assertThat(result.error().code()).isEqualTo("cancelled");
		assertThat(result.trace()).singleElement()
			.satisfies((node) -> assertThat(node.error()).startsWith("cancelled"));
		assertThat(result.delivery()).isEqualTo(hook);
	}

	@Test
	void runsNothingForAnExecutionStoppedBeforeItsFlowStarted() {
		this.api.on("/slow", (request) -> Reply.json(200, "{}").after(Duration.ofSeconds(5)));
		DeploymentStateChanged late = Deployments.of("late", OWNER,
				Flows.flow().node("call", "http", Map.of("url", this.api.url("/slow"))).build(), DeliveryTarget.NONE);
		Execution execution = this.service.start("e-1", Deployments.trigger("e-1", late, Map.of()));

		execution.stop(CANCEL_REQUESTED_AT);
		this.view.put(late);

		ExecutionCompleted result = resultOf(execution);
		assertThat(result.status()).isEqualTo(ExecutionStatus.CANCELLED);
		assertThat(result.cancelRequestedAt()).isEqualTo(CANCEL_REQUESTED_AT);
		assertThat(result.deploymentName()).isEqualTo(late.name());
		assertThat(result.trace()).isEmpty();
		assertThat(this.api.arrivals("/slow")).isEmpty();
	}

	@Test
	void runsNoNodeOfATriggerWhoseCancellationIsKnown() {
		this.api.on("/slow", (request) -> Reply.json(200, "{}").after(Duration.ofSeconds(5)));
		DeploymentStateChanged slow = Deployments.of("slow", OWNER,
				Flows.flow().node("call", "http", Map.of("url", this.api.url("/slow"))).build(), DeliveryTarget.NONE);
		this.view.put(slow);

		ExecutionCompleted result = resultOf(
				this.service.start("e-1", Deployments.trigger("e-1", slow, Map.of()), CANCEL_REQUESTED_AT));

		assertThat(result.status()).isEqualTo(ExecutionStatus.CANCELLED);
		assertThat(result.cancelRequestedAt()).isEqualTo(CANCEL_REQUESTED_AT);
		assertThat(result.trace()).isEmpty();
		assertThat(this.api.arrivals("/slow")).isEmpty();
	}

	@Test
	void cancellingAnExecutionLeavesItWithoutAResult() {
		this.api.on("/slow", (request) -> Reply.json(200, "{}").after(Duration.ofSeconds(5)));
		DeploymentStateChanged slow = Deployments.of("slow", OWNER,
				Flows.flow().node("call", "http", Map.of("url", this.api.url("/slow"))).build(), DeliveryTarget.NONE);
		this.view.put(slow);
		Execution execution = this.service.start("e-1", Deployments.trigger("e-1", slow, Map.of()));

		execution.cancel();

		assertThat(execution.result()).isCancelled();
	}

	@Test
	void leavesTheTriggerWithoutAResultWhenTheRunnerIsStopping() {
		// An http node needs the engine's threads, which are gone: the partition's next
		// owner runs it.
		DeploymentStateChanged deployment = Deployments.of("dep-1", OWNER,
				Flows.flow().node("call", "http", Map.of("url", this.api.url("/slow"))).build(), DeliveryTarget.NONE);
		this.view.put(deployment);
		this.fixture.close();

		Execution execution = this.service.start("e-1", Deployments.trigger("e-1", deployment, Map.of()));

		assertThat(execution.result()).isCompletedExceptionally();
		assertThat(execution.result()).isNotCancelled();
	}

	@Test
	void describesUndecodableTriggers() {
		ExecutionCompleted result = this.service.undecodable("e-1", "Unexpected character ('}')");

		assertThat(result.executionId()).isEqualTo("e-1");
		assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
		assertThat(result.error()).isEqualTo(new ExecutionError(null, "invalid_trigger",
				"the trigger could not be decoded: Unexpected character ('}')"));
	}

	private static ExecutionCompleted resultOf(Execution execution) {
		try {
			return execution.result().get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new AssertionError("no result", ex);
		}
	}

	private static String errorOf(Execution execution) {
		ExecutionCompleted result = resultOf(execution);
		assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
		assertThat(result.error().code()).isEqualTo("invalid_trigger");
		return result.error().message();
	}

	private ExecutionService service(Duration startNoticeDelay) {
		return new ExecutionService(this.view, this.fixture.engine(), this.started::add, this.fixture.scheduler(),
				new ExecutionSettings("runner-7", Duration.ofMillis(300), Duration.ofMinutes(1), startNoticeDelay),
				Clock.systemUTC());
	}

}
