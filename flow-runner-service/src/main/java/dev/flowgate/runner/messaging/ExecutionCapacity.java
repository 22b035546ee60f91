package dev.flowgate.runner.messaging;

import dev.flowgate.runner.config.RunnerProperties;

import org.springframework.stereotype.Component;

/**
 * Back-pressure: the trigger consumer pauses once fewer free slots are left than one poll
 * can return, and resumes when enough executions finished. A pause takes effect before
 * the next poll, so the records of the current one all run and the cap still holds.
 *
 * <p>
 * Not Spring Kafka's immediate pause: it keeps the rest of a poll aside, and an execution
 * finishing (resume) before the consumer thread actually paused let the next poll fetch
 * more, which the container answers with an emergency stop; the runner then took no
 * triggers at all until restarted.
 */
@Component
class ExecutionCapacity {

	private final TriggerConsumption consumption;

	private final int pauseAt;

	private int inFlight;

	private boolean paused;

	ExecutionCapacity(TriggerConsumption consumption, RunnerProperties properties) {
		this.consumption = consumption;
		RunnerProperties.Triggers triggers = properties.triggers();
		this.pauseAt = triggers.maxInFlight() - triggers.recordsPerPoll() + 1;
	}

	/** Executions started and not finished yet. */
	synchronized int inFlight() {
		return this.inFlight;
	}

	synchronized void acquire() {
		this.inFlight++;
		if (this.inFlight >= this.pauseAt && !this.paused) {
			this.paused = true;
			this.consumption.pause();
		}
	}

	synchronized void release() {
		this.inFlight--;
		if (this.inFlight < this.pauseAt && this.paused) {
			this.paused = false;
			this.consumption.resume();
		}
	}

}
