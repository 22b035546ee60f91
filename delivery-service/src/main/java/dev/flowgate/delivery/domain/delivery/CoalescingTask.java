package dev.flowgate.delivery.domain.delivery;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a task on request, one run at a time; requests made during a run cause one more
 * run, not one each.
 */
final class CoalescingTask {

	private final Executor executor;

	private final Runnable task;

	private final AtomicInteger requests = new AtomicInteger();

	CoalescingTask(Executor executor, Runnable task) {
		this.executor = executor;
		this.task = task;
	}

	void request() {
		if (this.requests.getAndIncrement() > 0) {
			return;
		}
		try {
			this.executor.execute(this::runUntilServed);
		}
		catch (RejectedExecutionException ex) {
			// Shutting down: the requests lapse.
			this.requests.set(0);
		}
	}

	private void runUntilServed() {
		int served;
		do {
			served = this.requests.get();
			this.task.run();
		}
		while (this.requests.addAndGet(-served) > 0);
	}

}
