package dev.flowgate.system.load;

import java.time.Duration;
import java.time.Instant;

/** A span of time during a run, e.g. while a process was down. */
public record Window(Instant from, Instant to) {

	/** Whether the call overlapped this window, give or take {@code slack}. */
	public boolean overlaps(TriggerOutcome call, Duration slack) {
		return !call.sentAt().isAfter(this.to.plus(slack)) && !call.answeredAt().isBefore(this.from.minus(slack));
	}

	/** Whether the call was made and answered entirely within this window. */
	public boolean contains(TriggerOutcome call) {
		return !call.sentAt().isBefore(this.from) && !call.answeredAt().isAfter(this.to);
	}

	public Duration length() {
		return Duration.between(this.from, this.to);
	}

}
