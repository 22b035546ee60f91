package dev.flowgate.system.load;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Runs a few blocking actions (process starts, say) at once, each on its own thread. */
public final class Parallel {

	private Parallel() {
	}

	/** Runs every action and returns when all are done; the first failure is thrown. */
	public static void run(Runnable... actions) {
		ExecutorService threads = Executors.newFixedThreadPool(actions.length);
		try {
			List<CompletableFuture<Void>> running = List.of(actions)
				.stream()
				.map((action) -> CompletableFuture.runAsync(action, threads))
				.toList();
			CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
		}
		finally {
			threads.shutdownNow();
		}
	}

}
