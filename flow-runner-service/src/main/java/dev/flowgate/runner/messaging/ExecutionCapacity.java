package dev.flowgate.runner.messaging;

import dev.flowgate.runner.config.RunnerProperties;

import org.springframework.stereotype.Component;

/**
 * Back-pressure: at the cap of executions in flight the trigger consumer pauses (at once,
 * keeping records already fetched), and it resumes when one finishes.
 */
@Component
class ExecutionCapacity {

	private final TriggerConsumption consumption;

	private final int maxInFlight;

	private int inFlight;

	private boolean paused;

	ExecutionCapacity(TriggerConsumption consumption, RunnerProperties properties) {
		this.consumption = consumption;
		this.maxInFlight = properties.triggers().maxInFlight();
	}

	synchronized void acquire() {
		this.inFlight++;
		if (this.inFlight >= this.maxInFlight && !this.paused) {
			this.paused = true;
			this.consumption.pause();
		}
	}

	synchronized void release() {
		this.inFlight--;
		if (this.inFlight < this.maxInFlight && this.paused) {
			this.paused = false;
			this.consumption.resume();
		}
	}

}
