package dev.flowgate.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class GuardedLookupsTest {

	private static final Duration FAST = Duration.ofSeconds(5);

	/**
	 * One thread and one place in its queue: what a lookup nobody waits for would hold.
	 */
	private final ThreadPoolExecutor threads = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
			new ArrayBlockingQueue<>(1));

	private final CountDownLatch answer = new CountDownLatch(1);

	private final List<String> asked = new CopyOnWriteArrayList<>();

	private final HostResolver slowDns = (host) -> {
		this.asked.add(host);
		try {
			this.answer.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (host.equals("nowhere.example")) {
			throw new UnknownHostException(host);
		}
		return List.of(InetAddress.getByAddress(host, new byte[] { 93, (byte) 184, (byte) 215, 14 }));
	};

	private final GuardedLookups lookups = new GuardedLookups(
			new DestinationGuard(this.slowDns, AddressPolicy.allowing(List.of()), "Host"), this.threads);

	@AfterEach
	void stop() {
		this.answer.countDown();
		this.threads.shutdownNow();
	}

	@Test
	void letsCallersWaitingForOneHostShareItsLookup() {
		CompletableFuture<List<InetAddress>> first = this.lookups.resolve("api.example");
		CompletableFuture<List<InetAddress>> second = this.lookups.resolve("api.example");
		// A caller giving up does not end the lookup for the other.
		first.cancel(true);

		this.answer.countDown();

		assertThat(second.join()).extracting(InetAddress::getHostAddress).containsExactly("93.184.215.14");
		assertThat(this.asked).containsExactly("api.example");
	}

	@Test
	void looksAHostUpAfreshOnceItsLookupEnded() {
		this.answer.countDown();
		this.lookups.resolve("api.example").join();

		this.lookups.resolve("api.example").join();

		assertThat(this.asked).containsExactly("api.example", "api.example");
	}

	@Test
	void failsWithTheLookupsFailure() {
		this.answer.countDown();

		assertThatThrownBy(() -> this.lookups.resolve("nowhere.example").join())
			.hasCauseInstanceOf(UnknownHostException.class);
	}

	@Test
	void checksAnAddressLiteralAtOnce() {
		assertThat(this.lookups.resolve("93.184.215.14").join()).hasSize(1);
		assertThatThrownBy(() -> this.lookups.resolve("10.0.0.5").join())
			.hasCauseInstanceOf(TargetRefusedException.class);
		assertThat(this.asked).isEmpty();
	}

	@Test
	void neverLooksUpOnTheCallersThread() {
		CompletableFuture<List<InetAddress>> pending = this.lookups.resolve("api.example");

		assertThat(pending).isNotDone();
		this.answer.countDown();
		assertThat(pending.join()).hasSize(1);
	}

	@Test
	void dropsALookupWhoseCallersGaveUp() {
		holdTheThread();
		CompletableFuture<List<InetAddress>> gaveUp = this.lookups.resolve("gave-up.example");

		gaveUp.cancel(false);
		CompletableFuture<List<InetAddress>> next = this.lookups.resolve("next.example");
		this.answer.countDown();

		assertThat(next).succeedsWithin(FAST);
		assertThat(this.asked).containsExactly("held.example", "next.example");
	}

	@Test
	void failsAtOnceWhenTheQueueIsFull() {
		holdTheThread();
		this.lookups.resolve("queued.example");

		assertThat(this.lookups.resolve("one-too-many.example")).failsWithin(FAST)
			.withThrowableThat()
			.havingRootCause()
			.isInstanceOf(RejectedExecutionException.class);
	}

	private void holdTheThread() {
		this.lookups.resolve("held.example");
		await().untilAsserted(() -> assertThat(this.asked).containsExactly("held.example"));
	}

}
