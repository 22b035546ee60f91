package dev.flowgate.runner.domain.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

class FairSharesTest {

	private final ExecutorService pool = Executors.newFixedThreadPool(4);

	private final CountDownLatch release = new CountDownLatch(1);

	private final AtomicInteger running = new AtomicInteger();

	private final AtomicInteger mostRunning = new AtomicInteger();

	private final AtomicInteger finished = new AtomicInteger();

	@AfterEach
	void stop() {
		this.release.countDown();
		this.pool.shutdownNow();
	}

	@Test
	void holdsNoMoreThanItsShareOfTheThreadsForOneOwner() {
		FairShares shares = new FairShares(this.pool, 4, 2);

		for (int i = 0; i < 6; i++) {
			shares.forOwner("a").execute(this::blockUntilReleased);
		}
		await().until(() -> this.running.get() == 2);
		this.release.countDown();

		await().until(() -> this.finished.get() == 6);
		assertThat(this.mostRunning).hasValue(2);
	}

	@Test
	void runsAnotherOwnersTaskWhileOneOwnersTasksWait() throws InterruptedException {
		FairShares shares = new FairShares(this.pool, 4, 2);
		for (int i = 0; i < 10; i++) {
			shares.forOwner("slow").execute(this::blockUntilReleased);
		}
		CountDownLatch othersRan = new CountDownLatch(1);

		shares.forOwner("other").execute(othersRan::countDown);

		assertThat(othersRan.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(this.finished).hasValue(0);
	}

	@Test
	void servesOwnersWithTasksWaitingInTurn() {
		FairShares shares = new FairShares(this.pool, 1, 1);
		List<String> order = new CopyOnWriteArrayList<>();
		shares.forOwner("first").execute(this::blockUntilReleased);
		await().until(() -> this.running.get() == 1);

		for (String task : List.of("a1", "a2", "a3")) {
			shares.forOwner("a").execute(() -> order.add(task));
		}
		for (String task : List.of("b1", "b2")) {
			shares.forOwner("b").execute(() -> order.add(task));
		}
		this.release.countDown();

		await().until(() -> order.size() == 5);
		assertThat(order).containsExactly("a1", "b1", "a2", "b2", "a3");
	}

	@Test
	void keepsServingAnOwnerWhoseTaskFailed() {
		FairShares shares = new FairShares(Runnable::run, 1, 1);
		Runnable failing = () -> {
			throw new IllegalStateException("expected");
		};

		try {
			shares.forOwner("a").execute(failing);
		}
		catch (IllegalStateException expected) {
			// Thrown on this thread by the direct executor.
		}
		shares.forOwner("a").execute(this.finished::incrementAndGet);

		assertThat(this.finished).hasValue(1);
	}

	@Test
	void refusesAShareLargerThanTheThreads() {
		assertThatIllegalArgumentException().isThrownBy(() -> new FairShares(this.pool, 2, 3));
		assertThatIllegalArgumentException().isThrownBy(() -> new FairShares(this.pool, 2, 0));
	}

	private void blockUntilReleased() {
		this.mostRunning.accumulateAndGet(this.running.incrementAndGet(), Math::max);
		try {
			this.release.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.running.decrementAndGet();
			this.finished.incrementAndGet();
		}
	}

}
