package dev.flowgate.deployments.domain.execution;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.flowgate.deployments.domain.execution.RecordedEvents.Kind;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedRecordingWaitsTest {

	private final CountDownLatch recordingCatchesUp = new CountDownLatch(1);

	private final AtomicInteger waited = new AtomicInteger();

	/** Waits until the test lets recording catch up. */
	private final RecordedEvents slowRecording = (kind, executionId, started) -> {
		this.waited.incrementAndGet();
		try {
			return this.recordingCatchesUp.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	};

	@Test
	void answersALookupBeyondTheBoundAtOnceFromWhatIsRecorded() throws Exception {
		RecordedEvents bounded = new BoundedRecordingWaits(this.slowRecording, 1);
		CompletableFuture<Boolean> first = CompletableFuture
			.supplyAsync(() -> bounded.awaitRecorded(Kind.TRIGGERS, "e-1", System.nanoTime()));
		while (this.waited.get() == 0) {
			Thread.onSpinWait();
		}

		boolean second = bounded.awaitRecorded(Kind.TRIGGERS, "e-2", System.nanoTime());

		assertThat(second).as("not told: answered from what is recorded").isFalse();
		assertThat(this.waited).hasValue(1);
		this.recordingCatchesUp.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
		assertThat(bounded.awaitRecorded(Kind.RESULTS, "e-3", System.nanoTime())).as("the slot is free again").isTrue();
	}

}
