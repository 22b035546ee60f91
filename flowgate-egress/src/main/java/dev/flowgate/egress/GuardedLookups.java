package dev.flowgate.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * Looks hosts up through the guard on threads of their own, never on the caller's: the
 * JVM's lookup cannot be interrupted, and a name whose nameserver never answers would
 * hold that thread for the resolver's own timeouts. Callers waiting for one host share
 * its lookup, so such a host holds one of the threads.
 * <p>
 * A lookup that every caller stopped waiting for (cancelled its future: its call timed
 * out or was called off) is dropped: it leaves the executor's queue, or is skipped should
 * its turn have come meanwhile. So a flood of names that never resolve does not keep
 * lookups for calls that are over ahead of live ones. One already running cannot be
 * stopped, and is shared with callers that come for its host meanwhile.
 */
public final class GuardedLookups {

	private final DestinationGuard guard;

	private final ThreadPoolExecutor executor;

	/** Guarded by {@code this}, with the state of each lookup. */
	private final Map<String, Lookup> inProgress = new HashMap<>();

	/**
	 * @param executor runs the lookups; bounded, as every host that never answers holds
	 * one of its threads (with a bounded queue, a lookup finding it full fails at once)
	 */
	public GuardedLookups(DestinationGuard guard, ThreadPoolExecutor executor) {
		this.guard = guard;
		this.executor = executor;
	}

	/**
	 * The host's addresses, every one of them allowed by the guard.
	 * @return completes with a {@link TargetRefusedException} or an
	 * {@link UnknownHostException} when there is none to connect to, or with a
	 * {@link RejectedExecutionException} when the executor takes no more; cancelling it
	 * tells the lookup that this caller stopped waiting, and does not end it for others
	 */
	public CompletableFuture<List<InetAddress>> resolve(String host) {
		if (isLiteral(host)) {
			// Parsed, not looked up: no thread of the executor needed.
			return settled(host);
		}
		Lookup lookup;
		boolean fresh;
		synchronized (this) {
			lookup = this.inProgress.get(host);
			fresh = lookup == null;
			if (fresh) {
				lookup = new Lookup(host);
				this.inProgress.put(host, lookup);
			}
			lookup.waiters++;
		}
		if (fresh) {
			queue(lookup);
		}
		return waiterOf(lookup);
	}

	private static boolean isLiteral(String host) {
		return host.contains(":") || Ipv4Literal.isNumeric(host);
	}

	private CompletableFuture<List<InetAddress>> settled(String literal) {
		try {
			return CompletableFuture.completedFuture(this.guard.resolve(literal));
		}
		catch (UnknownHostException | RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	private void queue(Lookup lookup) {
		try {
			this.executor.execute(lookup);
		}
		catch (RejectedExecutionException ex) {
			// Full, or shutting down: the caller fails now and may try again later.
			finished(lookup);
			lookup.addresses.completeExceptionally(ex);
		}
	}

	/** Completes with the lookup; a caller who gives up on it first leaves the lookup. */
	private CompletableFuture<List<InetAddress>> waiterOf(Lookup lookup) {
		CompletableFuture<List<InetAddress>> waiter = lookup.addresses.copy();
		waiter.whenComplete((addresses, ex) -> {
			if (!lookup.addresses.isDone()) {
				leave(lookup);
			}
		});
		return waiter;
	}

	private void leave(Lookup lookup) {
		synchronized (this) {
			lookup.waiters--;
			if (lookup.waiters > 0 || lookup.started) {
				return;
			}
			lookup.dropped = true;
			this.inProgress.remove(lookup.host, lookup);
		}
		// Frees its place in the queue; if its turn has just come, it skips itself.
		this.executor.remove(lookup);
		lookup.addresses.cancel(false);
	}

	private void settle(Lookup lookup) {
		synchronized (this) {
			if (lookup.dropped) {
				return;
			}
			lookup.started = true;
		}
		List<InetAddress> addresses;
		try {
			addresses = this.guard.resolve(lookup.host);
		}
		catch (UnknownHostException | RuntimeException ex) {
			finished(lookup);
			lookup.addresses.completeExceptionally(ex);
			return;
		}
		// Removed first: a caller arriving after this looks the host up afresh.
		finished(lookup);
		lookup.addresses.complete(addresses);
	}

	private synchronized void finished(Lookup lookup) {
		this.inProgress.remove(lookup.host, lookup);
	}

	/** One host's lookup; its counts and flags are guarded by the enclosing instance. */
	private final class Lookup implements Runnable {

		private final String host;

		private final CompletableFuture<List<InetAddress>> addresses = new CompletableFuture<>();

		private int waiters;

		private boolean started;

		private boolean dropped;

		Lookup(String host) {
			this.host = host;
		}

		@Override
		public void run() {
			settle(this);
		}

	}

}
