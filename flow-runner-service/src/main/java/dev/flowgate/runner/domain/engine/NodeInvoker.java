package dev.flowgate.runner.domain.engine;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import dev.flowgate.contracts.TokenUsage;
import dev.flowgate.runner.domain.node.CancellationScope;
import dev.flowgate.runner.domain.node.NodeCall;
import dev.flowgate.runner.domain.node.NodeExecutor;
import dev.flowgate.runner.domain.node.NodeExecutors;
import dev.flowgate.runner.domain.node.NodeFailedException;
import dev.flowgate.runner.domain.node.NodeResult;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

/**
 * Runs a node under its policy: each attempt is time-limited, failed attempts are retried
 * after the backoff (resilience4j's async Retry and TimeLimiter), and whatever an attempt
 * leaves running when it ends is cancelled.
 */
final class NodeInvoker {

	private final NodeExecutors executors;

	private final EngineSettings settings;

	private final ScheduledExecutorService scheduler;

	private final Executor workers;

	private final Executor evaluators;

	NodeInvoker(NodeExecutors executors, EngineSettings settings, ScheduledExecutorService scheduler, Executor workers,
			Executor evaluators) {
		this.executors = executors;
		this.settings = settings;
		this.scheduler = scheduler;
		this.workers = workers;
		this.evaluators = evaluators;
	}

	/**
	 * Never completes exceptionally: a failure is an {@link Invocation} with an error.
	 * @param attempts counts the attempts as they start, and the tokens of those that
	 * fail
	 */
	CompletableFuture<Invocation> invoke(NodeCall call, NodeAttempts attempts) {
		NodePolicy policy;
		try {
			policy = NodePolicy.of(call.node(), this.settings.nodeTimeout());
		}
		catch (NodeFailedException ex) {
			return CompletableFuture.completedFuture(Invocation.failed(ex.getMessage(), 0, TokenUsage.NONE));
		}
		NodeExecutor executor = this.executors.forType(call.node().type()).orElseThrow();
		if (executor.isImmediate()) {
			return CompletableFuture.completedFuture(immediately(executor, call, attempts, policy));
		}
		TimeLimiter timeLimiter = TimeLimiter.of(call.node().id(),
				TimeLimiterConfig.custom().timeoutDuration(policy.timeout()).cancelRunningFuture(false).build());
		Retry retry = Retry.of(call.node().id(),
				RetryConfig.custom()
					.maxAttempts(policy.maxAttempts())
					.waitDuration(policy.backoff())
					.retryOnException((failure) -> isRetryable(failure, call.cancellation(), executor))
					.build());
		return retry
			.executeCompletionStage(this.scheduler,
					() -> timeLimiter.executeCompletionStage(this.scheduler,
							() -> attempt(executor, call, attempts, policy.timeout())))
			.toCompletableFuture()
			.handle((result, failure) -> (failure != null)
					? Invocation.failed(describe(failure, policy), attempts.count(), attempts.failedUsage())
					: Invocation.succeeded(result, attempts.count(), attempts.failedUsage()));
	}

	private static void addUsage(NodeAttempts attempts, Throwable failure) {
		NodeFailedException nodeFailure = nodeFailure(failure);
		if (nodeFailure != null) {
			attempts.addFailedUsage(nodeFailure.tokenUsage());
		}
	}

	/** An immediate node, on this thread: its future is complete when execute returns. */
	private static Invocation immediately(NodeExecutor executor, NodeCall call, NodeAttempts attempts,
			NodePolicy policy) {
		attempts.start();
		try {
			return Invocation.succeeded(executor.execute(call.forAttempt(call.cancellation(), policy.timeout())).join(),
					attempts.count(), TokenUsage.NONE);
		}
		catch (RuntimeException ex) {
			return Invocation.failed(describe(ex, policy), attempts.count(), TokenUsage.NONE);
		}
	}

	/**
	 * The attempt's stage, the one the time limiter completes when it times out: however
	 * it ends, its scope is cancelled then, so a timed-out attempt leaves no exchange
	 * open while the next one runs.
	 */
	private CompletableFuture<NodeResult> attempt(NodeExecutor executor, NodeCall call, NodeAttempts attempts,
			Duration timeLimit) {
		attempts.start();
		CancellationScope attemptScope = call.cancellation().child();
		long submitted = System.nanoTime();
		CompletableFuture<NodeResult> result;
		try {
			result = CompletableFuture
				.supplyAsync(
						() -> executor.execute(call.forAttempt(attemptScope, left(attemptScope, timeLimit, submitted))),
						executor.evaluates() ? this.evaluators : this.workers)
				.thenCompose(Function.identity());
		}
		catch (RuntimeException ex) {
			result = CompletableFuture.failedFuture(ex);
		}
		CompletableFuture<NodeResult> attempt = result.whenComplete((value, failure) -> addUsage(attempts, failure));
		attempt.whenComplete((value, failure) -> attemptScope.cancel());
		return attempt;
	}

	/**
	 * What is left of the attempt's time when a thread takes it up: an attempt that
	 * waited for one, behind others, does not run on for its whole time after it ended,
	 * nor at all once its run is over.
	 */
	private static Duration left(CancellationScope attempt, Duration timeLimit, long submittedNanos) {
		if (attempt.isCancelled()) {
			throw NodeFailedException.permanent("cancelled before it started");
		}
		Duration left = timeLimit.minusNanos(System.nanoTime() - submittedNanos);
		if (left.isNegative() || left.isZero()) {
			throw new NodeFailedException("timed out waiting for a thread");
		}
		return left;
	}

	private static boolean isRetryable(Throwable failure, CancellationScope cancellation, NodeExecutor executor) {
		if (cancellation.isCancelled()
				|| (unwrap(failure) instanceof TimeoutException && !executor.retriesTimeouts())) {
			return false;
		}
		NodeFailedException nodeFailure = nodeFailure(failure);
		return nodeFailure == null || nodeFailure.isRetryable();
	}

	private static String describe(Throwable failure, NodePolicy policy) {
		NodeFailedException nodeFailure = nodeFailure(failure);
		if (nodeFailure != null) {
			return nodeFailure.getMessage();
		}
		Throwable cause = unwrap(failure);
		if (cause instanceof TimeoutException) {
			return "timed out after %d ms".formatted(policy.timeout().toMillis());
		}
		return (cause.getMessage() != null) ? cause.getClass().getSimpleName() + ": " + cause.getMessage()
				: cause.getClass().getSimpleName();
	}

	private static NodeFailedException nodeFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof NodeFailedException nodeFailure) {
				return nodeFailure;
			}
		}
		return null;
	}

	private static Throwable unwrap(Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException)
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

}
