package dev.flowgate.delivery.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

class GroupCommitTest {

	private final List<Thread> threads = new CopyOnWriteArrayList<>();

	private final ExecutorService callers = Executors.newFixedThreadPool(4, (task) -> {
		Thread thread = new Thread(task);
		this.threads.add(thread);
		return thread;
	});

	private final List<List<Integer>> batches = new CopyOnWriteArrayList<>();

	private final CountDownLatch firstWriteMayEnd = new CountDownLatch(1);

	private final GroupCommit<Integer, Integer> commit = new GroupCommit<>((items) -> {
		this.batches.add(items);
		if (this.batches.size() == 1) {
			waitFor(this.firstWriteMayEnd);
		}
		return items.stream().map((item) -> item * 10).toList();
	});

	@AfterEach
	void stopCallers() {
		this.callers.shutdownNow();
	}

	@Test
	void aLoneCallerWritesAtOnce() {
		this.firstWriteMayEnd.countDown();

		assertThat(this.commit.submit(1)).isEqualTo(10);
		assertThat(this.batches).containsExactly(List.of(1));
	}

	@Test
	void itemsQueuedDuringAWriteGoTogetherInTheNextAndEachCallerGetsItsResult() throws Exception {
		CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> this.commit.submit(1), this.callers);
		await().until(() -> this.batches.size() == 1);
		List<CompletableFuture<Integer>> queued = new ArrayList<>();
		for (int item = 2; item <= 4; item++) {
			int submitted = item;
			queued.add(CompletableFuture.supplyAsync(() -> this.commit.submit(submitted), this.callers));
		}
		// The others wait for the write under way rather than writing alone.
		await().until(() -> this.threads.stream().filter((t) -> t.getState() == Thread.State.WAITING).count() == 3);
		assertThat(this.batches).hasSize(1);

		this.firstWriteMayEnd.countDown();

		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(10);
		for (int i = 0; i < queued.size(); i++) {
			assertThat(queued.get(i).get(10, TimeUnit.SECONDS)).isEqualTo((i + 2) * 10);
		}
		assertThat(this.batches).hasSize(2);
		assertThat(this.batches.get(1)).containsExactlyInAnyOrder(2, 3, 4);
	}

	@Test
	void everyCallerOfAFailedBatchGetsTheFailure() {
		GroupCommit<Integer, Integer> failing = new GroupCommit<>((items) -> {
			throw new IllegalStateException("store down");
		});

		assertThatIllegalStateException().isThrownBy(() -> failing.submit(1)).withMessage("store down");
	}

	private static void waitFor(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
