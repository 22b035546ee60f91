package dev.flowgate.runner.domain.node;

import java.lang.management.ManagementFactory;

import com.dashjoin.jsonata.Jsonata;

/**
 * Bounds one JSONata evaluation in time, nesting and memory, checked on entering and
 * leaving every step. The library's own bound covers time and nesting only: an expression
 * that doubles a string ({@code $a & $a}) or multiplies lists filled the heap within a
 * second, the runner exited on the {@code OutOfMemoryError}, and so did the next runner
 * given the same trigger. Memory is the bytes this thread allocated since the evaluation
 * began: what the expression built, kept or not, so the bound is generous. A string is
 * checked as it is made, as a concatenation makes its result in one step beside both
 * operands.
 */
final class EvaluationBounds {

	/** The longest string an expression may make: 32 MB of characters at most. */
	static final int MAX_STRING_LENGTH = 16 * 1024 * 1024;

	/** {@code null} on a JVM that cannot count a thread's allocations. */
	private static final com.sun.management.ThreadMXBean ALLOCATIONS = allocationCounter();

	private final long deadlineNanos;

	private final int maxDepth;

	private final long maxAllocatedBytes;

	private final long allocatedAtStart;

	private int depth;

	private EvaluationBounds(long deadlineNanos, int maxDepth, long maxAllocatedBytes) {
		this.deadlineNanos = deadlineNanos;
		this.maxDepth = maxDepth;
		this.maxAllocatedBytes = maxAllocatedBytes;
		this.allocatedAtStart = allocated();
	}

	/** Bounds the evaluation in {@code frame}, which must run on the calling thread. */
	static void install(Jsonata.Frame frame, long deadlineNanos, int maxDepth, long maxAllocatedBytes) {
		EvaluationBounds bounds = new EvaluationBounds(deadlineNanos, maxDepth, maxAllocatedBytes);
		frame.setEvaluateEntryCallback((expression, input, environment) -> bounds.entered());
		frame.setEvaluateExitCallback((expression, input, environment, result) -> bounds.left(result));
	}

	private void entered() {
		this.depth++;
		if (this.depth > this.maxDepth) {
			throw new EvaluationStopped("the expression nests deeper than " + this.maxDepth + " calls");
		}
		check();
	}

	private void left(Object result) {
		this.depth--;
		if (result instanceof String text && text.length() > MAX_STRING_LENGTH) {
			throw new EvaluationStopped(
					"the expression made a string of more than " + MAX_STRING_LENGTH + " characters");
		}
		check();
	}

	private void check() {
		if (System.nanoTime() - this.deadlineNanos > 0) {
			throw new EvaluationStopped("the expression ran past the node's timeout");
		}
		if (this.allocatedAtStart >= 0 && allocated() - this.allocatedAtStart > this.maxAllocatedBytes) {
			throw new EvaluationStopped(
					"the expression used more than " + (this.maxAllocatedBytes >> 20) + " MB of memory");
		}
	}

	/** {@code -1} on a JVM that does not count a thread's allocations. */
	private static long allocated() {
		return (ALLOCATIONS != null) ? ALLOCATIONS.getCurrentThreadAllocatedBytes() : -1;
	}

	private static com.sun.management.ThreadMXBean allocationCounter() {
		if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean counting
				&& counting.isThreadAllocatedMemorySupported() && counting.isThreadAllocatedMemoryEnabled()) {
			return counting;
		}
		return null;
	}

	/** Why an evaluation was stopped. */
	static final class EvaluationStopped extends RuntimeException {

		EvaluationStopped(String message) {
			super(message, null, false, false);
		}

	}

}
