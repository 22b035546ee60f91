package dev.flowgate.gateway.domain.trigger;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.flowgate.contracts.DeploymentMode;
import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.contracts.TriggerSource;
import dev.flowgate.gateway.domain.Rejection;
import dev.flowgate.gateway.domain.deployment.Deployment;
import dev.flowgate.gateway.domain.input.InputSpec;
import dev.flowgate.gateway.domain.input.InputValidator;
import dev.flowgate.gateway.domain.input.InputViolation;
import dev.flowgate.gateway.domain.key.Caller;
import dev.flowgate.gateway.domain.limit.RateLimits;

/**
 * The trigger path after authentication: limits, input validation, idempotency, then
 * publish and (for sync deployments) wait for the result without holding a thread.
 */
public final class TriggerService {

	static final String NOT_ACKNOWLEDGED = "Kafka did not acknowledge the trigger, so it was not accepted; if it "
			+ "timed out on its way it may still run once. Retrying with the same Idempotency-Key never runs it twice";

	private final RateLimits limits;

	private final InFlightExecutions inFlight;

	private final Idempotency idempotency;

	private final TriggerEvents triggers;

	private final ExecutionRecords records;

	private final TriggerPublisher publisher;

	private final TriggerSettings settings;

	private final WaitingCalls waiting;

	private final Clock clock;

	public TriggerService(RateLimits limits, InFlightExecutions inFlight, IdempotencyMemory memory,
			ExecutionRecords records, TriggerPublisher publisher, TriggerSettings settings, WaitingCalls waiting,
			Clock clock) {
		this.limits = limits;
		this.inFlight = inFlight;
		this.idempotency = new Idempotency(memory, records);
		this.triggers = new TriggerEvents(settings, clock);
		this.records = records;
		this.publisher = publisher;
		this.settings = settings;
		this.waiting = waiting;
		this.clock = clock;
	}

	/**
	 * Accepts a trigger. The future completes with the finished execution, or with it
	 * queued (async deployments) or unfinished (a sync one past its timeout: running once
	 * the runner announced its start, else queued).
	 * @throws Rejection for limits (429), invalid inputs (400) and a reused idempotency
	 * key with other inputs (422); the future fails with a 503 one when Kafka did not
	 * acknowledge
	 */
	public CompletableFuture<ExecutionSnapshot> trigger(Caller caller, Deployment deployment, TriggerRequest request) {
		this.limits.acquireForDeployment(deployment.id(), deployment.limits().requestsPerMinute());
		List<InputViolation> violations = InputValidator.validate(deployment.inputs(), request.inputs(),
				(request.source() == TriggerSource.FLUXPROMPT) ? InputSpec::idAndName : InputSpec::name);
		if (!violations.isEmpty()) {
			throw Rejection.invalidInput(violations);
		}
		ExecutionRequested trigger = this.triggers.of(caller, deployment, request);
		Idempotency.Found found = (request.idempotencyKey() != null) ? this.idempotency.earlierOrClaim(trigger)
				: Idempotency.Claim.NONE;
		if (found instanceof Idempotency.Earlier earlier) {
			return answerRepeat(earlier, deployment);
		}
		return accept(trigger, deployment, (Idempotency.Claim) found);
	}

	private CompletableFuture<ExecutionSnapshot> accept(ExecutionRequested trigger, Deployment deployment,
			Idempotency.Claim claim) {
		CompletableFuture<ExecutionCompleted> result;
		try {
			result = this.inFlight.start(trigger, deployment.limits().maxConcurrentExecutions());
		}
		catch (Rejection ex) {
			claim.refused(ex);
			throw ex;
		}
		return this.publisher.publish(trigger).handle((acknowledged, failure) -> {
			if (failure != null) {
				this.inFlight.abandon(trigger.executionId());
				// A send that timed out may still land, and the caller is told so.
				Rejection refusal = (unwrapped(failure) instanceof Rejection known) ? known
						: Rejection.unavailable(NOT_ACKNOWLEDGED, this.settings.kafkaRetryAfter());
				claim.refused(refusal);
				throw refusal;
			}
			claim.accepted();
			return trigger;
		}).thenCompose((accepted) -> awaitResult(accepted, deployment, result));
	}

	private CompletableFuture<ExecutionSnapshot> answerRepeat(Idempotency.Earlier earlier, Deployment deployment) {
		if (earlier.known() != null) {
			return CompletableFuture.completedFuture(earlier.known());
		}
		ExecutionRequested trigger = earlier.remembered();
		if (!earlier.accepted().isDone()) {
			// The first call still waits for Kafka: the repeat gets its answer, a refusal
			// included. This continues on Kafka's callback thread, so it asks no service.
			return earlier.accepted()
				.thenCompose((accepted) -> this.inFlight.result(trigger.executionId())
					.map((running) -> awaitResult(trigger, deployment, running))
					.orElseGet(() -> CompletableFuture.completedFuture(ExecutionSnapshot.queued(trigger))));
		}
		return earlier.accepted().thenCompose((accepted) -> answerAccepted(trigger, deployment));
	}

	private CompletableFuture<ExecutionSnapshot> answerAccepted(ExecutionRequested trigger, Deployment deployment) {
		Optional<CompletableFuture<ExecutionCompleted>> running = this.inFlight.result(trigger.executionId());
		if (running.isPresent()) {
			return awaitResult(trigger, deployment, running.get());
		}
		ExecutionSnapshot known = this.records.find(trigger.executionId(), trigger.ownerId())
			.map(ExecutionRecords.Recorded::execution)
			.orElseGet(() -> ExecutionSnapshot.queued(trigger));
		return CompletableFuture.completedFuture(known);
	}

	private CompletableFuture<ExecutionSnapshot> awaitResult(ExecutionRequested trigger, Deployment deployment,
			CompletableFuture<ExecutionCompleted> result) {
		if (trigger.mode() != DeploymentMode.SYNC) {
			return CompletableFuture.completedFuture(ExecutionSnapshot.queued(trigger));
		}
		Duration untilDeadline = Duration.between(this.clock.instant(), trigger.deadline());
		Duration syncTimeout = Duration.ofSeconds(Math.max(0, deployment.syncTimeoutSeconds()));
		long waitMillis = Math.max(0, min(syncTimeout, untilDeadline).toMillis());
		// A dependent future: timing out answers this call only, the execution goes on.
		CompletableFuture<ExecutionSnapshot> answer = result.thenApply((completed) -> finished(trigger, completed));
		this.waiting.add(answer);
		return answer.orTimeout(waitMillis, TimeUnit.MILLISECONDS)
			.exceptionally((failure) -> unfinished(trigger, failure));
	}

	/**
	 * Past the sync timeout (or when the gateway stops): running if the execution
	 * announced its start, else queued.
	 */
	private ExecutionSnapshot unfinished(ExecutionRequested trigger, Throwable failure) {
		if (!(unwrapped(failure) instanceof TimeoutException)) {
			throw (failure instanceof CompletionException completion) ? completion : new CompletionException(failure);
		}
		return this.inFlight.startedAt(trigger.executionId())
			.map((startedAt) -> ExecutionSnapshot.running(trigger, startedAt))
			.orElseGet(() -> ExecutionSnapshot.queued(trigger));
	}

	private ExecutionSnapshot finished(ExecutionRequested trigger, ExecutionCompleted completed) {
		ExecutionSnapshot finished = ExecutionSnapshot.finished(trigger, completed);
		if (trigger.idempotencyKey() != null) {
			this.idempotency.finished(finished);
		}
		return finished;
	}

	/** A future's failure without the CompletionException around it. */
	private static Throwable unwrapped(Throwable failure) {
		return (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause() : failure;
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

}
