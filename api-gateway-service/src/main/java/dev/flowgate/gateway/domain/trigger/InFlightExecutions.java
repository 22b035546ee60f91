package dev.flowgate.gateway.domain.trigger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
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

	/** An execution in flight, with its place in {@link #byForgetAt}. */
	private static final class InFlight {

		private final String deploymentId;

		private final Expiry expiry;

		/** Whether a call waits for the result (sync); an async one only holds a slot. */
		private final boolean awaited;

		private final CompletableFuture<ExecutionCompleted> result = new CompletableFuture<>();

		/**
		 * The calls that published the trigger and did not see Kafka refuse it: more than
		 * one when a repeat whose key was forgotten here published it again.
		 */
		private int publishing = 1;

		InFlight(String deploymentId, Expiry expiry, boolean awaited) {
			this.deploymentId = deploymentId;
			this.expiry = expiry;
			this.awaited = awaited;
		}

	}

	private record Expiry(Instant forgetAt, String executionId) {

		static final Comparator<Expiry> SOONEST_FIRST = Comparator.comparing(Expiry::forgetAt)
			.thenComparing(Expiry::executionId);

	}

	private final Map<String, InFlight> byId = new HashMap<>();

	/**
	 * The same executions, soonest forgotten first: expiring touches only those due, so
	 * the calls a full deployment refuses do not walk every execution under the lock.
	 */
	private final NavigableSet<Expiry> byForgetAt = new TreeSet<>(Expiry.SOONEST_FIRST);

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
	 * trigger; an async one's is never completed). An execution in flight already (a
	 * repeat published again after its key was forgotten here) is not counted again: the
	 * call waits for it with the first.
	 * @throws Rejection (429) when the deployment already runs {@code maxConcurrent}
	 */
	public synchronized CompletableFuture<ExecutionCompleted> start(ExecutionRequested trigger, Integer maxConcurrent) {
		InFlight running = this.byId.get(trigger.executionId());
		if (running != null) {
			running.publishing++;
			return running.result;
		}
		String deploymentId = trigger.deploymentId();
		if (this.concurrency.isFull(deploymentId, maxConcurrent)) {
			expire();
			if (this.concurrency.isFull(deploymentId, maxConcurrent)) {
				throw Rejection.rateLimited(
						"The deployment already runs its maximum of " + maxConcurrent + " concurrent executions",
						CONCURRENCY_RETRY_AFTER);
			}
		}
		Expiry expiry = new Expiry(trigger.deadline().plus(this.grace), trigger.executionId());
		InFlight inFlight = new InFlight(deploymentId, expiry, trigger.mode() == DeploymentMode.SYNC);
		this.byId.put(trigger.executionId(), inFlight);
		this.byForgetAt.add(expiry);
		this.concurrency.started(deploymentId, maxConcurrent);
		return inFlight.result;
	}

	public synchronized Optional<CompletableFuture<ExecutionCompleted>> result(String executionId) {
		return Optional.ofNullable(this.byId.get(executionId)).map((inFlight) -> inFlight.result);
	}

	/**
	 * A result arrived: frees the slot and answers whoever waits for it.
	 * @param result read only when a call waits for it: most results are another
	 * replica's or an async execution's, and reading one costs more than the rest
	 */
	public void completed(String executionId, Supplier<ExecutionCompleted> result) {
		InFlight inFlight = remove(executionId);
		if (inFlight != null && inFlight.awaited) {
			// Outside the lock: completing runs the waiting calls' continuations.
			inFlight.result.complete(result.get());
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
		return inFlight != null && inFlight.awaited;
	}

	/**
	 * The trigger was never accepted (Kafka did not acknowledge it); still counted while
	 * another call that published it may have had it accepted.
	 */
	public synchronized void abandon(String executionId) {
		InFlight inFlight = this.byId.get(executionId);
		if (inFlight != null && --inFlight.publishing == 0) {
			remove(executionId);
		}
	}

	/** Forgets executions whose result never came, long after their deadline. */
	public synchronized void expire() {
		Instant now = this.clock.instant();
		while (!this.byForgetAt.isEmpty() && this.byForgetAt.first().forgetAt().isBefore(now)) {
			remove(this.byForgetAt.first().executionId());
		}
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
			this.byForgetAt.remove(inFlight.expiry);
			this.concurrency.finished(inFlight.deploymentId);
		}
		return inFlight;
	}

}
