package dev.flowgate.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuardedLookupsTest {

	private final ExecutorService threads = Executors.newFixedThreadPool(2);

	private final CountDownLatch answer = new CountDownLatch(1);

	private final AtomicInteger asked = new AtomicInteger();

	private final HostResolver slowDns = (host) -> {
		this.asked.incrementAndGet();
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
		assertThat(this.asked).hasValue(1);
	}

	@Test
	void looksAHostUpAfreshOnceItsLookupEnded() {
		this.answer.countDown();
		this.lookups.resolve("api.example").join();

		this.lookups.resolve("api.example").join();

		assertThat(this.asked).hasValue(2);
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
		assertThat(this.asked).hasValue(0);
	}

	@Test
	void neverLooksUpOnTheCallersThread() {
		CompletableFuture<List<InetAddress>> pending = this.lookups.resolve("api.example");

		assertThat(pending).isNotDone();
		this.answer.countDown();
		assertThat(pending.join()).hasSize(1);
	}

}
