package dev.flowgate.runner.domain.node;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import com.dashjoin.jsonata.Jsonata;

/**
 * Bounds one JSONata evaluation in time, nesting and memory, checked on entering and
 * leaving every step. The library's own bound covers time and nesting only: an expression
 * that doubles a string ({@code $a & $a}) or multiplies lists filled the heap within a
 * second, the runner exited on the {@code OutOfMemoryError}, and so did the next runner
 * given the same trigger. Memory is the bytes this thread allocated since the evaluation
 * began: what the expression built, kept or not. A string is checked as it is made, as a
 * concatenation makes its result in one step, beside both operands: none may be longer
 * than a sixteenth of the budget in characters (two bytes each at most).
 */
final class EvaluationBounds {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private final long deadlineNanos;

	private final int maxDepth;

	private final long maxAllocatedBytes;

	private final long allocatedAtStart;

	private final long maxStringLength;

	private int depth;

	private EvaluationBounds(long deadlineNanos, int maxDepth, long maxAllocatedBytes) {
		this.deadlineNanos = deadlineNanos;
		this.maxDepth = maxDepth;
		this.maxAllocatedBytes = maxAllocatedBytes;
		this.allocatedAtStart = allocated();
		this.maxStringLength = maxAllocatedBytes / 16;
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
		if (result instanceof String text && text.length() > this.maxStringLength) {
			throw new EvaluationStopped(
					"the expression made a string of more than " + this.maxStringLength + " characters");
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
		if (THREADS instanceof com.sun.management.ThreadMXBean counting && counting.isThreadAllocatedMemoryEnabled()) {
			return counting.getCurrentThreadAllocatedBytes();
		}
		return -1;
	}

	/** Why an evaluation was stopped. */
	static final class EvaluationStopped extends RuntimeException {

		EvaluationStopped(String message) {
			super(message, null, false, false);
		}

	}

}
