package dev.flowgate.delivery.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes what concurrent callers submit in batches, each caller still waiting for its own
 * item. A caller whose item is not written yet and finds no write under way writes
 * everything queued so far in one command. Alone, a caller writes its item at once; under
 * load, the items that queue up during one write go together in the next, so the number
 * of commands stops growing with the number of deliveries.
 *
 * @param <T> what is written
 * @param <R> what each item's write tells its caller
 */
final class GroupCommit<T, R> {

	private final Function<List<T>, List<R>> writeAll;

	private final List<Pending<T, R>> queue = new ArrayList<>();

	private boolean writing;

	/**
	 * @param writeAll writes the items in one go and returns one result per item, in
	 * order
	 */
	GroupCommit(Function<List<T>, List<R>> writeAll) {
		this.writeAll = writeAll;
	}

	/**
	 * Writes the item, possibly together with others.
	 * @return its result
	 * @throws RuntimeException what the write of its batch threw
	 */
	R submit(T item) {
		Pending<T, R> mine = new Pending<>(item);
		List<Pending<T, R>> batch;
		synchronized (this) {
			this.queue.add(mine);
			awaitTurn(mine);
			if (mine.done) {
				return mine.result();
			}
			this.writing = true;
			batch = new ArrayList<>(this.queue);
			this.queue.clear();
		}
		try {
			List<R> results = this.writeAll.apply(batch.stream().map(Pending::item).toList());
			for (int i = 0; i < batch.size(); i++) {
				batch.get(i).succeed(results.get(i));
			}
		}
		catch (RuntimeException ex) {
			batch.forEach((pending) -> pending.fail(ex));
		}
		finally {
			// Anything else thrown (an Error) must not leave a caller waiting for
			// nothing.
			batch.stream()
				.filter((pending) -> !pending.done)
				.forEach((pending) -> pending.fail(new IllegalStateException("The write did not complete")));
			synchronized (this) {
				this.writing = false;
				notifyAll();
			}
		}
		return mine.result();
	}

	private void awaitTurn(Pending<T, R> mine) {
		while (this.writing && !mine.done) {
			try {
				wait();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for a write; it may still happen", ex);
			}
		}
	}

	private static final class Pending<T, R> {

		private final T item;

		private volatile boolean done;

		private volatile R result;

		private volatile RuntimeException failure;

		Pending(T item) {
			this.item = item;
		}

		T item() {
			return this.item;
		}

		void succeed(R result) {
			this.result = result;
			this.done = true;
		}

		void fail(RuntimeException failure) {
			this.failure = failure;
			this.done = true;
		}

		R result() {
			if (this.failure != null) {
				throw this.failure;
			}
			return this.result;
		}

	}

}
