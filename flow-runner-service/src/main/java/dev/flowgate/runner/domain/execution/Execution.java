package dev.flowgate.runner.domain.execution;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.runner.domain.engine.FlowRun;

/**
 * An execution in progress; its result is the one {@code ExecutionCompleted} to publish.
 */
public final class Execution {

	private final String executionId;

	private final CompletableFuture<ExecutionCompleted> result = new CompletableFuture<>();

	private FlowRun run;

	private Instant stopRequestedAt;

	private Throwable internalFailure;

	Execution(String executionId) {
		this.executionId = executionId;
	}

	static Execution finished(String executionId, ExecutionCompleted completed) {
		Execution execution = new Execution(executionId);
		execution.finish(completed);
		return execution;
	}

	public String executionId() {
		return this.executionId;
	}

	/** Completes with the result; cancelled if the execution is. */
	public CompletableFuture<ExecutionCompleted> result() {
		return this.result;
	}

	/** Abandons the execution, stopping its flow: another runner will run it again. */
	public void cancel() {
		FlowRun current;
		synchronized (this) {
			current = this.run;
		}
		this.result.cancel(false);
		if (current != null) {
			current.cancel();
		}
	}

	/**
	 * Ends the execution as cancelled at the owner's request. A flow not started yet will
	 * not start; one running stops; one that has ended keeps its result.
	 * @param requestedAt when the owner asked, which the result states
	 */
	public void stop(Instant requestedAt) {
		FlowRun current;
		synchronized (this) {
			this.stopRequestedAt = requestedAt;
			current = this.run;
		}
		if (current != null) {
			current.stop();
		}
	}

	synchronized boolean isStopRequested() {
		return this.stopRequestedAt != null;
	}

	boolean isCancelled() {
		return this.result.isCancelled();
	}

	void attach(FlowRun flowRun) {
		boolean stop;
		synchronized (this) {
			this.run = flowRun;
			stop = this.stopRequestedAt != null;
		}
		if (isCancelled()) {
			flowRun.cancel();
		}
		else if (stop) {
			flowRun.stop();
		}
	}

	void finish(ExecutionCompleted completed) {
		Instant requestedAt;
		synchronized (this) {
			requestedAt = this.stopRequestedAt;
		}
		boolean stopped = requestedAt != null && completed.status() == ExecutionStatus.CANCELLED;
		this.result.complete(stopped ? completed.withCancelRequestedAt(requestedAt) : completed);
	}

	/** The runner is stopping: no result, the trigger is left for the next owner. */
	void abandon(Throwable failure) {
		this.result.completeExceptionally(failure);
	}

	/**
	 * The runner itself failed: the execution ends failed, as running it again would most
	 * likely fail the same way, and a trigger left without a result would hold back its
	 * partition's commits. The cause is for the runner's log.
	 */
	void failInternally(ExecutionCompleted failed, Throwable cause) {
		synchronized (this) {
			if (this.result.isDone()) {
				return;
			}
			this.internalFailure = cause;
		}
		finish(failed);
	}

	/** Why the runner itself failed this execution, if it did. */
	public synchronized Optional<Throwable> internalFailure() {
		return Optional.ofNullable(this.internalFailure);
	}

}
