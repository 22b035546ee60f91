package dev.flowgate.runner.domain.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * A fixed number of threads shared among owners. An owner's tasks hold at most
 * {@code perOwner} of them at once, and owners with tasks waiting are served in turn: one
 * owner's slow expressions (a regular expression that backtracks for its whole timeout)
 * queue behind each other, not in front of everyone else's.
 */
public final class FairShares {

	private final Executor threads;

	private final int threadCount;

	private final int perOwner;

	private final Map<String, Share> shares = new HashMap<>();

	/** Owners with a task waiting and a thread to spare, in the order they are served. */
	private final Queue<Share> turns = new ArrayDeque<>();

	private int running;

	/**
	 * @param threads runs the tasks; it has {@code threadCount} threads, which this never
	 * asks more of at once
	 */
	public FairShares(Executor threads, int threadCount, int perOwner) {
		if (threadCount < 1 || perOwner < 1 || perOwner > threadCount) {
			throw new IllegalArgumentException(
					"per-owner threads must be between 1 and the %d threads".formatted(threadCount));
		}
		this.threads = threads;
		this.threadCount = threadCount;
		this.perOwner = perOwner;
	}

	/** Runs tasks on the owner's share of the threads. */
	public Executor forOwner(String ownerId) {
		return (task) -> submit(ownerId, task);
	}

	private void submit(String ownerId, Runnable task) {
		List<Runnable> starting;
		synchronized (this) {
			Share share = this.shares.computeIfAbsent(ownerId, Share::new);
			share.waiting.add(task);
			offerTurn(share);
			starting = takeTurns();
		}
		startAll(starting);
	}

	private void finished(Share share) {
		List<Runnable> starting;
		synchronized (this) {
			this.running--;
			share.running--;
			if (share.running == 0 && share.waiting.isEmpty()) {
				this.shares.remove(share.ownerId);
			}
			offerTurn(share);
			starting = takeTurns();
		}
		try {
			startAll(starting);
		}
		catch (RejectedExecutionException closed) {
			// The runner is stopping: nothing more runs.
		}
	}

	private void offerTurn(Share share) {
		if (!share.queued && !share.waiting.isEmpty() && share.running < this.perOwner) {
			share.queued = true;
			this.turns.add(share);
		}
	}

	/** Takes the tasks that may start now, one per owner in turn. */
	private List<Runnable> takeTurns() {
		List<Runnable> starting = new ArrayList<>();
		while (this.running < this.threadCount && !this.turns.isEmpty()) {
			Share share = this.turns.remove();
			share.queued = false;
			Runnable task = share.waiting.remove();
			share.running++;
			this.running++;
			offerTurn(share);
			starting.add(() -> {
				try {
					task.run();
				}
				finally {
					finished(share);
				}
			});
		}
		return starting;
	}

	/** Outside the lock: the executor may run a task on the calling thread. */
	private void startAll(List<Runnable> starting) {
		starting.forEach(this.threads::execute);
	}

	private static final class Share {

		private final String ownerId;

		private final Queue<Runnable> waiting = new ArrayDeque<>();

		private int running;

		private boolean queued;

		Share(String ownerId) {
			this.ownerId = ownerId;
		}

	}

}
