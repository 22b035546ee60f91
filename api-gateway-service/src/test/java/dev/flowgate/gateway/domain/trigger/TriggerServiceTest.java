package dev.flowgate.gateway.domain.trigger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import dev.flowgate.contracts.DeploymentMode;
import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.KeyScope;
import dev.flowgate.contracts.TriggerSource;
import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.gateway.domain.deployment.Deployment;
import dev.flowgate.gateway.domain.input.InputsDigest;
import dev.flowgate.gateway.domain.key.Caller;
import dev.flowgate.gateway.domain.limit.RateLimits;
import dev.flowgate.gateway.support.DeploymentStates;
import dev.flowgate.infra.test.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TriggerServiceTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));

	private final InFlightExecutions inFlight = new InFlightExecutions(
			new InFlightElsewhere(this.clock, Duration.ofSeconds(5)), this.clock, Duration.ofSeconds(60));

	private final RecordingPublisher publisher = new RecordingPublisher();

	private final Map<String, ExecutionRecords.Recorded> recorded = new HashMap<>();

	private final WaitingCalls waiting = new WaitingCalls();

	private final TriggerService service = new TriggerService(new RateLimits(this.clock), this.inFlight,
			new IdempotencyMemory(this.clock, Duration.ofHours(1), 100, Long.MAX_VALUE),
			(executionId, ownerId) -> Optional.ofNullable(this.recorded.get(executionId)), this.publisher,
			new TriggerSettings("gw-test", Duration.ofSeconds(300), Duration.ofSeconds(5)), this.waiting, this.clock);

	private final Caller caller = new Caller("key-1", "owner-1", Set.of(KeyScope.RUN), Set.of(), null);

	@Test
	void answersAnAsyncTriggerQueuedOnceKafkaAcknowledged() {
		Deployment deployment = deployment(DeploymentStates.of("owner-1").mode(DeploymentMode.ASYNC));

		ExecutionSnapshot answer = this.service.trigger(this.caller, deployment, request(Map.of("q", "hi"), null))
			.join();

		ExecutionRequested published = this.publisher.only();
		assertThat(answer.status()).isEqualTo(ExecutionStatus.QUEUED);
		assertThat(answer.executionId()).isEqualTo(published.executionId());
		assertThat(published.mode()).isEqualTo(DeploymentMode.ASYNC);
		assertThat(published.replyTo()).isNull();
		assertThat(published.keyId()).isEqualTo("key-1");
		assertThat(published.ownerId()).isEqualTo("owner-1");
		assertThat(published.source()).isEqualTo(TriggerSource.NATIVE);
		assertThat(published.deadline()).isEqualTo(this.clock.instant().plusSeconds(300));
		assertThat(published.inputs()).containsEntry("q", "hi");
	}

	@Test
	void answersASyncTriggerCancelledByItsOwnerWithTheTimeOfTheRequest() {
		Deployment deployment = deployment(DeploymentStates.of("owner-1"));
		Instant requestedAt = this.clock.instant().plusMillis(300);

		CompletableFuture<ExecutionSnapshot> answer = this.service.trigger(this.caller, deployment,
				request(Map.of(), null));
		String executionId = this.publisher.only().executionId();
		this.inFlight.completed(executionId,
				() -> InFlightExecutionsTest.completed(executionId).withCancelRequestedAt(requestedAt));

		assertThat(answer.join().cancelRequestedAt()).isEqualTo(requestedAt);
	}

	@Test
	void waitsForTheResultOfASyncTrigger() {
		Deployment deployment = deployment(DeploymentStates.of("owner-1"));

		CompletableFuture<ExecutionSnapshot> answer = this.service.trigger(this.caller, deployment,
				request(Map.of(), null));

		assertThat(answer).isNotDone();
		assertThat(this.publisher.only().replyTo()).isEqualTo("gw-test");
		String executionId = this.publisher.only().executionId();
		this.inFlight.completed(executionId, () -> InFlightExecutionsTest.completed(executionId));
		assertThat(answer.join().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
		assertThat(answer.join().finished()).isTrue();
	}

	@Test
	void answersQueuedWhenTheSyncTimeoutPasses() throws Exception {
		Deployment deployment = deployment(DeploymentStates.of("owner-1").syncTimeoutSeconds(1));

		CompletableFuture<ExecutionSnapshot> answer = this.service.trigger(this.caller, deployment,
				request(Map.of(), null));

		assertThat(answer.get(3, TimeUnit.SECONDS).status()).isEqualTo(ExecutionStatus.QUEUED);
		assertThat(this.inFlight.result(this.publisher.only().executionId())).isPresent();
	}

	@Test
	void answersRunningWhenTheSyncTimeoutPassesAfterTheStartWasAnnounced() throws Exception {
		Deployment deployment = deployment(DeploymentStates.of("owner-1").syncTimeoutSeconds(1));
		CompletableFuture<ExecutionSnapshot> answer = this.service.trigger(this.caller, deployment,
				request(Map.of(), null));
		Instant startedAt = this.clock.instant().plusMillis(20);

		this.inFlight.started(this.publisher.only().executionId(), () -> startedAt);

		ExecutionSnapshot unfinished = answer.get(3, TimeUnit.SECONDS);
		assertThat(unfinished.status()).isEqualTo(ExecutionStatus.RUNNING);
		assertThat(unfinished.startedAt()).isEqualTo(startedAt);
		assertThat(unfinished.finished()).isFalse();
	}

	@Test
	void answersTheSyncCallsStillWaitingAsUnfinishedWhenTheGatewayStops() {
		Deployment deployment = deployment(DeploymentStates.of("owner-1"));
		CompletableFuture<ExecutionSnapshot> finishing = this.service.trigger(this.caller, deployment,
				request(Map.of(), null));
		String finishingId = this.publisher.published.get(0).executionId();
		CompletableFuture<ExecutionSnapshot> waiting = this.service.trigger(this.caller, deployment,
				request(Map.of(), null));
		this.inFlight.completed(finishingId, () -> InFlightExecutionsTest.completed(finishingId));
		assertThat(waiting).isNotDone();

		this.waiting.release();

		assertThat(finishing.join().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
		assertThat(waiting.join().status()).isEqualTo(ExecutionStatus.QUEUED);
		assertThat(waiting.join().executionId()).isEqualTo(this.publisher.published.get(1).executionId());
		assertThat(this.service.trigger(this.caller, deployment, request(Map.of(), null)))
			.as("parked after the release")
			.isCompletedWithValueMatching((late) -> late.status() == ExecutionStatus.QUEUED);
	}

	@Test
	void acceptsNothingWhenKafkaDoesNotAcknowledge() {
		Deployment deployment = deployment(DeploymentStates.of("owner-1").limits(1, null));
		this.publisher.failing = true;

		CompletableFuture<ExecutionSnapshot> answer = this.service.trigger(this.caller, deployment,
				request(Map.of(), "key-1"));

		assertThatThrownBy(answer::join).isInstanceOf(CompletionException.class)
			.cause()
			.isInstanceOfSatisfying(Rejection.class, (rejection) -> {
				assertThat(rejection.reason()).isEqualTo(Rejection.Reason.UNAVAILABLE);
				assertThat(rejection.retryAfter()).isEqualTo(Duration.ofSeconds(5));
			});
		assertThat(this.inFlight.running(deployment.id())).isZero();
		this.publisher.failing = false;
		this.service.trigger(this.caller, deployment, request(Map.of(), "key-1"));
		assertThat(this.publisher.only().idempotencyKey()).isEqualTo("key-1");
	}

	@Test
	void refusesInvalidInputsWithoutPublishing() {
		Deployment deployment = deployment(DeploymentStates.of("owner-1").input("n", "question", "text", true));

		assertThatThrownBy(() -> this.service.trigger(this.caller, deployment, request(Map.of("question", 1), null)))
			.isInstanceOfSatisfying(Rejection.class,
					(rejection) -> assertThat(rejection.reason()).isEqualTo(Rejection.Reason.INVALID_INPUT));
		assertThat(this.publisher.published).isEmpty();
	}

	@Test
	void refusesTriggersOverTheDeploymentsRateLimit() {
		Deployment deployment = deployment(DeploymentStates.of("owner-1").mode(DeploymentMode.ASYNC).limits(null, 1));
		this.service.trigger(this.caller, deployment, request(Map.of(), null));

		assertThatThrownBy(() -> this.service.trigger(this.caller, deployment, request(Map.of(), null)))
			.isInstanceOfSatisfying(Rejection.class,
					(rejection) -> assertThat(rejection.reason()).isEqualTo(Rejection.Reason.RATE_LIMITED));
	}

	@Test
	void publishesARepeatedIdempotentTriggerOnceAndAnswersBothFromOneResult() {
		Deployment deployment = deployment(DeploymentStates.of("owner-1"));

		CompletableFuture<ExecutionSnapshot> first = this.service.trigger(this.caller, deployment,
				request(Map.of("n", 1), "order-1"));
		CompletableFuture<ExecutionSnapshot> repeat = this.service.trigger(this.caller, deployment,
				request(Map.of("n", 1.0), "order-1"));

		assertThat(this.publisher.published).hasSize(1);
		String executionId = this.publisher.only().executionId();
		this.inFlight.completed(executionId, () -> InFlightExecutionsTest.completed(executionId));
		assertThat(first.join().executionId()).isEqualTo(repeat.join().executionId());
		assertThat(repeat.join().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
	}

	@Test
	void refusesARepeatMadeWhileKafkaHadNotAcknowledgedTheFirstCallWhenItDoesNot() {
		Deployment deployment = deployment(DeploymentStates.of("owner-1").mode(DeploymentMode.ASYNC));
		this.publisher.acknowledgement = new CompletableFuture<>();
		CompletableFuture<ExecutionSnapshot> first = this.service.trigger(this.caller, deployment,
				request(Map.of("n", 1), "order-8"));
		CompletableFuture<ExecutionSnapshot> repeat = this.service.trigger(this.caller, deployment,
				request(Map.of("n", 1), "order-8"));

		assertThat(repeat).isNotDone();
		this.publisher.acknowledgement.completeExceptionally(new IllegalStateException("broker down"));

		for (CompletableFuture<ExecutionSnapshot> answer : List.of(first, repeat)) {
			assertThatThrownBy(answer::join).cause()
				.isInstanceOfSatisfying(Rejection.class,
						(rejection) -> assertThat(rejection.reason()).isEqualTo(Rejection.Reason.UNAVAILABLE));
		}
		assertThat(this.publisher.published).hasSize(1);
	}

	@Test
	void answersARepeatMadeWhileKafkaHadNotAcknowledgedTheFirstCallOnceItDid() {
		Deployment deployment = deployment(DeploymentStates.of("owner-1"));
		this.publisher.acknowledgement = new CompletableFuture<>();
		this.service.trigger(this.caller, deployment, request(Map.of("n", 1), "order-9"));
		CompletableFuture<ExecutionSnapshot> repeat = this.service.trigger(this.caller, deployment,
				request(Map.of("n", 1), "order-9"));

		this.publisher.acknowledgement.complete(null);
		assertThat(repeat).isNotDone();
		String executionId = this.publisher.only().executionId();
		this.inFlight.completed(executionId, () -> InFlightExecutionsTest.completed(executionId));

		assertThat(repeat.join().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
	}

	@Test
	void answersARepeatWaitingForKafkaThoughTheFirstCallWasForgottenMeanwhile() {
		TriggerService rememberingOne = serviceRememberingOne();
		Deployment deployment = deployment(DeploymentStates.of("owner-1"));
		this.publisher.acknowledgement = new CompletableFuture<>();
		CompletableFuture<ExecutionSnapshot> first = rememberingOne.trigger(this.caller, deployment,
				request(Map.of("n", 1), "order-10"));
		CompletableFuture<ExecutionSnapshot> repeat = rememberingOne.trigger(this.caller, deployment,
				request(Map.of("n", 1), "order-10"));
		rememberingOne.trigger(this.caller, deployment, request(Map.of("n", 1), "order-11"));

		this.publisher.acknowledgement.complete(null);
		String executionId = this.publisher.published.get(0).executionId();
		this.inFlight.completed(executionId, () -> InFlightExecutionsTest.completed(executionId));

		assertThat(first).isCompletedWithValueMatching((answer) -> answer.status() == ExecutionStatus.SUCCEEDED);
		assertThat(repeat).isCompletedWithValueMatching((answer) -> answer.status() == ExecutionStatus.SUCCEEDED);
	}

	@Test
	void refusesARepeatWaitingForKafkaThoughTheFirstCallWasForgottenMeanwhile() {
		TriggerService rememberingOne = serviceRememberingOne();
		Deployment deployment = deployment(DeploymentStates.of("owner-1"));
		this.publisher.acknowledgement = new CompletableFuture<>();
		rememberingOne.trigger(this.caller, deployment, request(Map.of("n", 1), "order-12"));
		CompletableFuture<ExecutionSnapshot> repeat = rememberingOne.trigger(this.caller, deployment,
				request(Map.of("n", 1), "order-12"));
		rememberingOne.trigger(this.caller, deployment, request(Map.of("n", 1), "order-13"));

		this.publisher.acknowledgement.completeExceptionally(new IllegalStateException("broker down"));

		assertThat(repeat).isCompletedExceptionally();
		assertThatThrownBy(repeat::join).cause()
			.isInstanceOfSatisfying(Rejection.class,
					(rejection) -> assertThat(rejection.reason()).isEqualTo(Rejection.Reason.UNAVAILABLE));
	}

	@Test
	void answersBothCallsOnceAndFreesTheSlotWhenARepeatOfAForgottenCallIsPublishedAgain() {
		TriggerService rememberingOne = serviceRememberingOne();
		Deployment deployment = deployment(DeploymentStates.of("owner-1").limits(2, null));
		CompletableFuture<ExecutionSnapshot> first = rememberingOne.trigger(this.caller, deployment,
				request(Map.of("n", 1), "order-14"));
		rememberingOne.trigger(this.caller, deployment(DeploymentStates.of("owner-1")),
				request(Map.of("n", 1), "order-15"));

		CompletableFuture<ExecutionSnapshot> repeat = rememberingOne.trigger(this.caller, deployment,
				request(Map.of("n", 1), "order-14"));
		String executionId = this.publisher.published.get(0).executionId();
		assertThat(this.publisher.published.get(2).executionId()).as("published again").isEqualTo(executionId);
		assertThat(this.inFlight.running(deployment.id())).isOne();
		this.inFlight.completed(executionId, () -> InFlightExecutionsTest.completed(executionId));

		assertThat(first).isCompletedWithValueMatching((answer) -> answer.status() == ExecutionStatus.SUCCEEDED);
		assertThat(repeat).isCompletedWithValueMatching((answer) -> answer.status() == ExecutionStatus.SUCCEEDED);
		assertThat(this.inFlight.running(deployment.id())).isZero();
	}

	@Test
	void answersARepeatAfterTheResultWithItThoughDeploymentServiceHasNotRecordedItYet() {
		Deployment deployment = deployment(DeploymentStates.of("owner-1"));
		CompletableFuture<ExecutionSnapshot> first = this.service.trigger(this.caller, deployment,
				request(Map.of("n", 1), "order-4"));
		ExecutionRequested trigger = this.publisher.only();
		this.inFlight.completed(trigger.executionId(), () -> InFlightExecutionsTest.completed(trigger.executionId()));
		first.join();
		this.recorded.put(trigger.executionId(),
				new ExecutionRecords.Recorded(ExecutionSnapshot.queued(trigger), trigger.inputsDigest(), true));

		ExecutionSnapshot repeat = this.service.trigger(this.caller, deployment, request(Map.of("n", 1), "order-4"))
			.join();

		assertThat(repeat.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
		assertThat(repeat.executionId()).isEqualTo(trigger.executionId());
		assertThat(this.publisher.published).hasSize(1);
	}

	@Test
	void derivesTheSameExecutionIdFromTheSameIdempotencyKeyOnly() {
		Deployment deployment = deployment(DeploymentStates.of("owner-1").mode(DeploymentMode.ASYNC));

		String first = this.service.trigger(this.caller, deployment, request(Map.of(), "a")).join().executionId();
		String second = this.service.trigger(this.caller, deployment, request(Map.of(), "b")).join().executionId();

		assertThat(first).isNotEqualTo(second);
		assertThat(first).isEqualTo(ExecutionIds.idempotent("owner-1", deployment.id(), "a"));
	}

	@Test
	void refusesAnIdempotencyKeyReusedWithOtherInputs() {
		Deployment deployment = deployment(DeploymentStates.of("owner-1").mode(DeploymentMode.ASYNC));
		this.service.trigger(this.caller, deployment, request(Map.of("n", 1), "order-2"));

		assertThatThrownBy(() -> this.service.trigger(this.caller, deployment, request(Map.of("n", 2), "order-2")))
			.isInstanceOfSatisfying(Rejection.class,
					(rejection) -> assertThat(rejection.reason()).isEqualTo(Rejection.Reason.IDEMPOTENCY_MISMATCH));
		assertThat(this.publisher.published).hasSize(1);
	}

	@Test
	void refusesAnIdempotencyKeyReusedWithAnotherCallbackUrl() {
		Deployment deployment = deployment(DeploymentStates.of("owner-1").mode(DeploymentMode.ASYNC));
		String first = this.service
			.trigger(this.caller, deployment, request(Map.of("n", 1), "order-20", "https://a.example/hook"))
			.join()
			.executionId();

		for (String otherCallback : new String[] { "https://b.example/hook", null }) {
			assertThatThrownBy(() -> this.service.trigger(this.caller, deployment,
					request(Map.of("n", 1), "order-20", otherCallback)))
				.as("callback %s", otherCallback)
				.isInstanceOfSatisfying(Rejection.class, (rejection) -> {
					assertThat(rejection.reason()).isEqualTo(Rejection.Reason.IDEMPOTENCY_MISMATCH);
					assertThat(rejection.getMessage()).contains("callback_url");
				});
		}
		assertThat(this.service
			.trigger(this.caller, deployment, request(Map.of("n", 1.0), "order-20", "https://a.example/hook"))
			.join()
			.executionId()).isEqualTo(first);
		assertThat(this.publisher.published).hasSize(1);
	}

	@Test
	void comparesTheCallbackUrlOfARecordedTriggerByItsDigest() {
		Deployment deployment = deployment(DeploymentStates.of("owner-1"));
		ExecutionSnapshot done = recordedDone(deployment, "order-21", Map.of("n", 1),
				InputsDigest.of(Map.of("n", 1), null), true);

		assertThatThrownBy(() -> this.service.trigger(this.caller, deployment,
				request(Map.of("n", 1), "order-21", "https://b.example/hook")))
			.isInstanceOfSatisfying(Rejection.class,
					(rejection) -> assertThat(rejection.reason()).isEqualTo(Rejection.Reason.IDEMPOTENCY_MISMATCH));
		assertThat(this.service.trigger(this.caller, deployment, request(Map.of("n", 1), "order-21")).join())
			.as("a record from before callbacks counted, of a call without one")
			.isEqualTo(done);
		assertThat(this.publisher.published).isEmpty();
	}

	@Test
	void answersFromDeploymentServiceWhenItRecordedTheExecutionAlready() {
		Deployment deployment = deployment(DeploymentStates.of("owner-1"));
		Map<String, Object> large = Map.of("text", "x".repeat(70_000), "n", 1.0);
		ExecutionSnapshot done = recordedDone(deployment, "order-3",
				Map.of("text", "[truncated: 70002 bytes exceed the 65536-byte limit]", "n", 1.0),
				InputsDigest.of(large, null), false);

		assertThat(this.service
			.trigger(this.caller, deployment, request(Map.of("n", 1, "text", "x".repeat(70_000)), "order-3"))
			.join()).as("the same inputs, though the record holds them cut").isEqualTo(done);
		assertThatThrownBy(() -> this.service.trigger(this.caller, deployment,
				request(Map.of("n", 1, "text", "y".repeat(70_000)), "order-3")))
			.isInstanceOfSatisfying(Rejection.class,
					(rejection) -> assertThat(rejection.reason()).isEqualTo(Rejection.Reason.IDEMPOTENCY_MISMATCH));
		assertThat(this.publisher.published).isEmpty();
	}

	@Test
	void answersARepeatWithTheRecordedExecutionWhereItsInputsAreNotRecordedYet() {
		Deployment deployment = deployment(DeploymentStates.of("owner-1"));
		ExecutionSnapshot done = recordedDone(deployment, "order-5", Map.of(), null, false);

		assertThat(this.service.trigger(this.caller, deployment, request(Map.of("n", 1), "order-5")).join())
			.isEqualTo(done);
		assertThat(this.publisher.published).isEmpty();
	}

	@Test
	void comparesTheInputsOfARecordFromBeforeDigestsWhereTheyAreRecordedInFull() {
		Deployment deployment = deployment(DeploymentStates.of("owner-1"));
		ExecutionSnapshot done = recordedDone(deployment, "order-6", Map.of("n", 1), null, true);

		assertThat(this.service.trigger(this.caller, deployment, request(Map.of("n", 1.0), "order-6")).join())
			.isEqualTo(done);
		assertThatThrownBy(() -> this.service.trigger(this.caller, deployment, request(Map.of("n", 2), "order-6")))
			.isInstanceOf(Rejection.class);
		assertThat(this.publisher.published).isEmpty();
	}

	private ExecutionSnapshot recordedDone(Deployment deployment, String idempotencyKey, Map<String, Object> inputs,
			String inputsDigest, boolean inputsComplete) {
		String executionId = ExecutionIds.idempotent("owner-1", deployment.id(), idempotencyKey);
		ExecutionSnapshot done = new ExecutionSnapshot(executionId, deployment.id(), 1, ExecutionStatus.SUCCEEDED,
				inputs, Map.of("out", "x"), null, List.of(), 0.5, TriggerSource.NATIVE, "key-1", null,
				this.clock.instant(), this.clock.instant(), this.clock.instant(), null);
		this.recorded.put(executionId, new ExecutionRecords.Recorded(done, inputsDigest, inputsComplete));
		return done;
	}

	@Test
	void dropsInputsSetToNull() {
		Deployment deployment = deployment(DeploymentStates.of("owner-1").mode(DeploymentMode.ASYNC));
		Map<String, Object> inputs = new HashMap<>();
		inputs.put("gone", null);
		inputs.put("kept", "x");

		this.service.trigger(this.caller, deployment, request(inputs, null)).join();

		assertThat(this.publisher.only().inputs()).containsExactly(Map.entry("kept", "x"));
	}

	/** A service sharing this test's fakes whose memory holds one key only. */
	private TriggerService serviceRememberingOne() {
		return new TriggerService(new RateLimits(this.clock), this.inFlight,
				new IdempotencyMemory(this.clock, Duration.ofHours(1), 1, Long.MAX_VALUE),
				(executionId, ownerId) -> Optional.ofNullable(this.recorded.get(executionId)), this.publisher,
				new TriggerSettings("gw-test", Duration.ofSeconds(300), Duration.ofSeconds(5)), this.waiting,
				this.clock);
	}

	private static Deployment deployment(DeploymentStates builder) {
		return Deployment.of(builder.build());
	}

	private static TriggerRequest request(Map<String, Object> inputs, String idempotencyKey) {
		return request(inputs, idempotencyKey, null);
	}

	private static TriggerRequest request(Map<String, Object> inputs, String idempotencyKey, String callbackUrl) {
		return new TriggerRequest(inputs, callbackUrl, idempotencyKey, TriggerSource.NATIVE);
	}

	private static final class RecordingPublisher implements TriggerPublisher {

		private final List<ExecutionRequested> published = new ArrayList<>();

		private boolean failing;

		/** When set, the acknowledgement every publish waits for. */
		private CompletableFuture<Void> acknowledgement;

		@Override
		public CompletableFuture<Void> publish(ExecutionRequested trigger) {
			if (this.failing) {
				return CompletableFuture.failedFuture(new IllegalStateException("broker down"));
			}
			this.published.add(trigger);
			return (this.acknowledgement != null) ? this.acknowledgement : CompletableFuture.completedFuture(null);
		}

		ExecutionRequested only() {
			assertThat(this.published).hasSize(1);
			return this.published.get(0);
		}

	}

}
