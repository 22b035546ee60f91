package dev.flowgate.gateway.domain.trigger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import dev.flowgate.contracts.DeploymentMode;
import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionRequested;
import dev.flowgate.gateway.domain.Rejection;

/**
 * The executions this replica accepted and has not seen finish: the futures its sync
 * calls wait on, and the per-deployment concurrency count, to which those the other
 * replicas have in flight are added.
 */
public final class InFlightExecutions {

	private static final Duration CONCURRENCY_RETRY_AFTER = Duration.ofSeconds(1);

	/**
	 * @param awaited whether a call waits for the result (sync deployments); an async
	 * execution only holds its slot
	 */
	private record InFlight(String deploymentId, Instant forgetAt, boolean awaited,
			CompletableFuture<ExecutionCompleted> result) {
	}

	private final Map<String, InFlight> byId = new HashMap<>();

	/** When the awaited executions that have announced their start started. */
	private final Map<String, Instant> startedAt = new HashMap<>();

	private final DeploymentConcurrency concurrency;

	private final Clock clock;

	private final Duration grace;

	/**
	 * @param grace how long past its deadline an execution whose result never arrived is
	 * still counted
	 */
	public InFlightExecutions(InFlightElsewhere elsewhere, Clock clock, Duration grace) {
		this.concurrency = new DeploymentConcurrency(elsewhere);
		this.clock = clock;
		this.grace = grace;
	}

	/**
	 * Counts a new execution and returns the future its result completes (for a sync
	 * trigger; an async one's is never completed).
	 * @throws Rejection (429) when the deployment already runs {@code maxConcurrent}
	 */
	public synchronized CompletableFuture<ExecutionCompleted> start(ExecutionRequested trigger, Integer maxConcurrent) {
		String deploymentId = trigger.deploymentId();
		if (this.concurrency.isFull(deploymentId, maxConcurrent)) {
			expire();
			if (this.concurrency.isFull(deploymentId, maxConcurrent)) {
				throw Rejection.rateLimited(
						"The deployment already runs its maximum of " + maxConcurrent + " concurrent executions",
						CONCURRENCY_RETRY_AFTER);
			}
		}
		InFlight inFlight = new InFlight(deploymentId, trigger.deadline().plus(this.grace),
				trigger.mode() == DeploymentMode.SYNC, new CompletableFuture<>());
		this.byId.put(trigger.executionId(), inFlight);
		this.concurrency.started(deploymentId, maxConcurrent);
		return inFlight.result();
	}

	public synchronized Optional<CompletableFuture<ExecutionCompleted>> result(String executionId) {
		return Optional.ofNullable(this.byId.get(executionId)).map(InFlight::result);
	}

	/**
	 * A result arrived: frees the slot and answers whoever waits for it.
	 * @param result read only when a call waits for it: most results are another
	 * replica's or an async execution's, and reading one costs more than the rest
	 */
	public void completed(String executionId, Supplier<ExecutionCompleted> result) {
		InFlight inFlight = remove(executionId);
		if (inFlight != null && inFlight.awaited()) {
			// Outside the lock: completing runs the waiting calls' continuations.
			inFlight.result().complete(result.get());
		}
	}

	/**
	 * An execution announced its start: remembered when a call here waits for it, so the
	 * call can say {@code running} if it has to answer before the result.
	 * @param started read only when a call waits for it, as for results
	 */
	public void started(String executionId, Supplier<Instant> started) {
		if (awaits(executionId)) {
			Instant at = started.get();
			synchronized (this) {
				if (this.byId.containsKey(executionId)) {
					this.startedAt.put(executionId, at);
				}
			}
		}
	}

	/** When an execution a call here waits for started, if it said so. */
	public synchronized Optional<Instant> startedAt(String executionId) {
		return Optional.ofNullable(this.startedAt.get(executionId));
	}

	private synchronized boolean awaits(String executionId) {
		InFlight inFlight = this.byId.get(executionId);
		return inFlight != null && inFlight.awaited();
	}

	/** The trigger was never accepted (Kafka did not acknowledge it). */
	public void abandon(String executionId) {
		remove(executionId);
	}

	/** Forgets executions whose result never came, long after their deadline. */
	public synchronized void expire() {
		Instant now = this.clock.instant();
		this.byId.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().forgetAt().isBefore(now))
			.map(Map.Entry::getKey)
			.toList()
			.forEach(this::remove);
	}

	/** A deployment's executions in flight at this replica. */
	public synchronized int running(String deploymentId) {
		return this.concurrency.running(deploymentId);
	}

	/**
	 * Executions in flight here of each deployment with a concurrency limit, for the
	 * other replicas to count.
	 */
	public synchronized Map<String, Integer> countLimited() {
		return this.concurrency.countLimited();
	}

	private synchronized InFlight remove(String executionId) {
		InFlight inFlight = this.byId.remove(executionId);
		this.startedAt.remove(executionId);
		if (inFlight != null) {
			this.concurrency.finished(inFlight.deploymentId());
		}
		return inFlight;
	}

}
