package dev.flowgate.runner.messaging;

import dev.flowgate.runner.config.RunnerProperties;

import org.springframework.stereotype.Component;

/**
 * Back-pressure: the trigger consumer pauses once fewer free slots are left than one poll
 * can return, or once the inputs in flight weigh more than their budget, and resumes when
 * enough executions finished. A pause takes effect before the next poll, so the records
 * of the current one all run and the cap still holds.
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

	private final long maxInputWeight;

	private int inFlight;

	private long inputWeight;

	private boolean paused;

	ExecutionCapacity(TriggerConsumption consumption, RunnerProperties properties) {
		this.consumption = consumption;
		RunnerProperties.Triggers triggers = properties.triggers();
		this.pauseAt = triggers.maxInFlight() - triggers.recordsPerPoll() + 1;
		this.maxInputWeight = triggers.maxInFlightInputs().toBytes();
	}

	/** Executions started and not finished yet. */
	synchronized int inFlight() {
		return this.inFlight;
	}

	/**
	 * What the inputs of the executions in flight weigh together ({@link InputWeight}).
	 */
	synchronized long inputWeight() {
		return this.inputWeight;
	}

	synchronized void acquire(long inputWeight) {
		this.inFlight++;
		this.inputWeight += inputWeight;
		if (full() && !this.paused) {
			this.paused = true;
			this.consumption.pause();
		}
	}

	synchronized void release(long inputWeight) {
		this.inFlight--;
		this.inputWeight -= inputWeight;
		if (!full() && this.paused) {
			this.paused = false;
			this.consumption.resume();
		}
	}

	private boolean full() {
		return this.inFlight >= this.pauseAt || this.inputWeight >= this.maxInputWeight;
	}

}
