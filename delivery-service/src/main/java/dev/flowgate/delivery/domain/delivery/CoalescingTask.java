package dev.flowgate.delivery.domain.delivery;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task on request, one run at a time; requests made during a run cause one more
 * run, not one each.
 */
final class CoalescingTask {

	private static final Logger log = LoggerFactory.getLogger(CoalescingTask.class);

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
			runOnce();
		}
		while (this.requests.addAndGet(-served) > 0);
	}

	private void runOnce() {
		try {
			this.task.run();
		}
		catch (RuntimeException ex) {
			// Served all the same: a run that left the count up would make every later
			// request wait for it, and none would run the task again.
			log.warn("A requested run failed; the next request runs it again", ex);
		}
	}

}
