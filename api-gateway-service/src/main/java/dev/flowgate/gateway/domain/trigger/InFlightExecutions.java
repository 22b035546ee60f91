package dev.flowgate.gateway.domain.trigger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.gateway.domain.Rejection;

/**
 * The executions this replica accepted and has not seen finish: the futures its sync
 * calls wait on, and the per-deployment concurrency count (per replica).
 */
public final class InFlightExecutions {

	private static final Duration CONCURRENCY_RETRY_AFTER = Duration.ofSeconds(1);

	private record InFlight(String deploymentId, Instant forgetAt, CompletableFuture<ExecutionCompleted> result) {
	}

	private final Map<String, InFlight> byId = new HashMap<>();

	private final Map<String, Integer> countByDeployment = new HashMap<>();

	private final Clock clock;

	private final Duration grace;

	/**
	 * @param grace how long past its deadline an execution whose result never arrived is
	 * still counted
	 */
	public InFlightExecutions(Clock clock, Duration grace) {
		this.clock = clock;
		this.grace = grace;
	}

	/**
	 * Counts a new execution and returns the future its result completes.
	 * @throws Rejection (429) when the deployment already runs {@code maxConcurrent}
	 */
	public synchronized CompletableFuture<ExecutionCompleted> start(String executionId, String deploymentId,
			Integer maxConcurrent, Instant deadline) {
		if (maxConcurrent != null && running(deploymentId) >= maxConcurrent) {
			expire();
			if (running(deploymentId) >= maxConcurrent) {
				throw Rejection.rateLimited(
						"The deployment already runs its maximum of " + maxConcurrent + " concurrent executions",
						CONCURRENCY_RETRY_AFTER);
			}
		}
		InFlight inFlight = new InFlight(deploymentId, deadline.plus(this.grace), new CompletableFuture<>());
		this.byId.put(executionId, inFlight);
		this.countByDeployment.merge(deploymentId, 1, Integer::sum);
		return inFlight.result();
	}

	public synchronized Optional<CompletableFuture<ExecutionCompleted>> result(String executionId) {
		return Optional.ofNullable(this.byId.get(executionId)).map(InFlight::result);
	}

	/** A result arrived: frees the slot and answers whoever waits for it. */
	public void completed(ExecutionCompleted result) {
		InFlight inFlight = remove(result.executionId());
		if (inFlight != null) {
			// Outside the lock: completing runs the waiting calls' continuations.
			inFlight.result().complete(result);
		}
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

	public synchronized int running(String deploymentId) {
		return this.countByDeployment.getOrDefault(deploymentId, 0);
	}

	private synchronized InFlight remove(String executionId) {
		InFlight inFlight = this.byId.remove(executionId);
		if (inFlight != null) {
			this.countByDeployment.computeIfPresent(inFlight.deploymentId(),
					(id, count) -> (count > 1) ? count - 1 : null);
		}
		return inFlight;
	}

}
