package dev.flowgate.runner.domain.execution;

import java.util.concurrent.CompletableFuture;

import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.runner.domain.engine.FlowRun;

/**
 * An execution in progress; its result is the one {@code ExecutionCompleted} to publish.
 */
public final class Execution {

	private final String executionId;

	private final CompletableFuture<ExecutionCompleted> result = new CompletableFuture<>();

	private FlowRun run;

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

	boolean isCancelled() {
		return this.result.isCancelled();
	}

	void attach(FlowRun flowRun) {
		synchronized (this) {
			this.run = flowRun;
		}
		if (isCancelled()) {
			flowRun.cancel();
		}
	}

	void finish(ExecutionCompleted completed) {
		this.result.complete(completed);
	}

	/**
	 * The runner itself failed: no result, so the trigger is left for another attempt.
	 */
	void abandon(Throwable failure) {
		this.result.completeExceptionally(failure);
	}

}
