package dev.flowgate.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Looks hosts up through the guard on an executor of their own, never on the caller's
 * thread: the JVM's lookup cannot be interrupted, and a name whose nameserver never
 * answers would hold that thread for the resolver's own timeouts. Callers waiting for one
 * host share its lookup, so such a host holds one of the executor's threads.
 */
public final class GuardedLookups {

	private final DestinationGuard guard;

	private final Executor executor;

	private final ConcurrentMap<String, CompletableFuture<List<InetAddress>>> inProgress = new ConcurrentHashMap<>();

	/**
	 * @param executor runs the lookups; bounded, as every host that never answers holds
	 * one of its threads
	 */
	public GuardedLookups(DestinationGuard guard, Executor executor) {
		this.guard = guard;
		this.executor = executor;
	}

	/**
	 * The host's addresses, every one of them allowed by the guard.
	 * @return completes with a {@link TargetRefusedException} or an
	 * {@link UnknownHostException} when there is none to connect to; a caller's timeout
	 * on it does not end the lookup for the others
	 */
	public CompletableFuture<List<InetAddress>> resolve(String host) {
		if (isLiteral(host)) {
			// Parsed, not looked up: no thread of the executor needed.
			return settled(host);
		}
		CompletableFuture<List<InetAddress>> lookup = new CompletableFuture<>();
		CompletableFuture<List<InetAddress>> running = this.inProgress.putIfAbsent(host, lookup);
		if (running != null) {
			return running.copy();
		}
		try {
			this.executor.execute(() -> settle(host, lookup));
		}
		catch (RejectedExecutionException ex) {
			// Shutting down: the caller fails now and may try again later.
			this.inProgress.remove(host, lookup);
			lookup.completeExceptionally(ex);
		}
		return lookup.copy();
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

	private void settle(String host, CompletableFuture<List<InetAddress>> lookup) {
		List<InetAddress> addresses;
		try {
			addresses = this.guard.resolve(host);
		}
		catch (UnknownHostException | RuntimeException ex) {
			this.inProgress.remove(host, lookup);
			lookup.completeExceptionally(ex);
			return;
		}
		// Removed first: a caller arriving after this looks the host up afresh.
		this.inProgress.remove(host, lookup);
		lookup.complete(addresses);
	}

}
