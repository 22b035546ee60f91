package dev.flowgate.delivery.messaging;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import dev.flowgate.egress.DestinationGuard;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Looks callback hosts up (and checks them) on threads of their own, never on a delivery
 * worker or an I/O thread: the JVM's lookup cannot be interrupted, and a name whose
 * nameserver never answers would hold such a thread for the resolver's own timeouts. The
 * attempts waiting for one host share its lookup, so such a host holds one thread.
 */
final class CallbackLookups implements AutoCloseable {

	private final DestinationGuard guard;

	private final ExecutorService threads;

	private final ConcurrentMap<String, CompletableFuture<List<InetAddress>>> inProgress = new ConcurrentHashMap<>();

	CallbackLookups(DestinationGuard guard, int threads) {
		this.guard = guard;
		CustomizableThreadFactory factory = new CustomizableThreadFactory("callback-lookup-");
		factory.setDaemon(true);
		this.threads = Executors.newFixedThreadPool(threads, factory);
	}

	/**
	 * The host's addresses, every one of them allowed by the guard.
	 * @return completes with a {@code TargetRefusedException} or an
	 * {@code UnknownHostException} when there is none to connect to
	 */
	CompletableFuture<List<InetAddress>> resolve(String host) {
		CompletableFuture<List<InetAddress>> lookup = new CompletableFuture<>();
		CompletableFuture<List<InetAddress>> running = this.inProgress.putIfAbsent(host, lookup);
		if (running != null) {
			// A copy: a caller's timeout must not end the lookup for the others.
			return running.copy();
		}
		try {
			this.threads.execute(() -> settle(host, lookup));
		}
		catch (RejectedExecutionException ex) {
			// Shutting down: the attempt fails and is tried again later.
			this.inProgress.remove(host, lookup);
			lookup.completeExceptionally(ex);
		}
		return lookup.copy();
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
		// Removed first: an attempt arriving after this looks the host up afresh.
		this.inProgress.remove(host, lookup);
		lookup.complete(addresses);
	}

	@Override
	public void close() {
		this.threads.shutdownNow();
	}

}
