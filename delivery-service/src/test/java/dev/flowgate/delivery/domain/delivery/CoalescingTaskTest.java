package dev.flowgate.delivery.domain.delivery;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CoalescingTaskTest {

	private final Queue<Runnable> scheduled = new ArrayDeque<>();

	private final AtomicInteger runs = new AtomicInteger();

	@Test
	void runsOnceForRequestsMadeBeforeItStarts() {
		CoalescingTask task = new CoalescingTask(this.scheduled::add, this.runs::incrementAndGet);

		task.request();
		task.request();
		task.request();
		runScheduled();

		assertThat(this.runs).hasValue(1);
	}

	@Test
	void runsOnceMoreForRequestsMadeWhileRunning() {
		CoalescingTask[] task = new CoalescingTask[1];
		task[0] = new CoalescingTask(this.scheduled::add, () -> {
			if (this.runs.incrementAndGet() == 1) {
				task[0].request();
				task[0].request();
			}
		});

		task[0].request();
		runScheduled();

		assertThat(this.runs).hasValue(2);
		assertThat(this.scheduled).isEmpty();
	}

	@Test
	void runsAgainForALaterRequest() {
		CoalescingTask task = new CoalescingTask(this.scheduled::add, this.runs::incrementAndGet);

		task.request();
		runScheduled();
		task.request();
		runScheduled();

		assertThat(this.runs).hasValue(2);
	}

	@Test
	void runsAgainForALaterRequestAfterARunFailed() {
		CoalescingTask task = new CoalescingTask(this.scheduled::add, () -> {
			if (this.runs.incrementAndGet() == 1) {
				throw new IllegalStateException("MongoDB went away");
			}
		});

		task.request();
		runScheduled();
		task.request();
		runScheduled();

		assertThat(this.runs).hasValue(2);
	}

	private void runScheduled() {
		while (!this.scheduled.isEmpty()) {
			this.scheduled.poll().run();
		}
	}

}
