package dev.flowgate.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A closed-loop load: {@code concurrency} callers, each sending its next request as soon
 * as the previous one is answered, until {@code total} requests or the time limit.
 */
final class ClosedLoop {

	interface Call {

		/** One request; throws if the answer is not the expected one. */
		void run() throws Exception;

	}

	private ClosedLoop() {
	}

	static Latencies run(String name, int concurrency, int total, Duration limit, Call call) throws Exception {
		AtomicInteger remaining = new AtomicInteger(total);
		long deadline = System.nanoTime() + limit.toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		try {
			List<Future<List<Long>>> callers = new ArrayList<>();
			long started = System.nanoTime();
			for (int i = 0; i < concurrency; i++) {
				callers.add(pool.submit(() -> {
					List<Long> own = new ArrayList<>();
					while (remaining.getAndDecrement() > 0 && System.nanoTime() < deadline) {
						long t0 = System.nanoTime();
						call.run();
						own.add(System.nanoTime() - t0);
					}
					return own;
				}));
			}
			List<Long> all = new ArrayList<>();
			for (Future<List<Long>> caller : callers) {
				all.addAll(caller.get());
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			return new Latencies(name, all.stream().mapToLong(Long::longValue).toArray(), seconds);
		}
		finally {
			// Also when a call failed: the callers' threads would keep the JVM alive.
			pool.shutdownNow();
		}
	}

}
