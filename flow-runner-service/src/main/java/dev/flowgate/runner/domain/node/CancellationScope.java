package dev.flowgate.runner.domain.node;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Outstanding work that can be called off: the HTTP exchanges of a node attempt, the
 * attempts of an execution. Cancelling a scope cancels its registered work and its
 * children; work registered afterwards is cancelled at once.
 */
public final class CancellationScope {

	private final List<Runnable> onCancel = new ArrayList<>();

	private boolean cancelled;

	public synchronized boolean isCancelled() {
		return this.cancelled;
	}

	/**
	 * Cancels {@code work} (interrupting it, which aborts an HTTP exchange) on cancel.
	 */
	public <T> CompletableFuture<T> register(CompletableFuture<T> work) {
		whenCancelled(() -> work.cancel(true));
		return work;
	}

	/** A scope that is cancelled with this one but can also be cancelled alone. */
	public CancellationScope child() {
		CancellationScope child = new CancellationScope();
		whenCancelled(child::cancel);
		return child;
	}

	public void cancel() {
		List<Runnable> actions;
		synchronized (this) {
			if (this.cancelled) {
				return;
			}
			this.cancelled = true;
			actions = List.copyOf(this.onCancel);
			this.onCancel.clear();
		}
		actions.forEach(Runnable::run);
	}

	private void whenCancelled(Runnable action) {
		synchronized (this) {
			if (!this.cancelled) {
				this.onCancel.add(action);
				return;
			}
		}
		action.run();
	}

}
