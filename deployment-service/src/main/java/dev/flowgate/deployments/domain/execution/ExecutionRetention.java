package dev.flowgate.deployments.domain.execution;

import java.time.Clock;
import java.time.Duration;

/** Removes execution records once they are older than the retention period. */
public class ExecutionRetention {

	private final ExecutionRepository executions;

	private final Clock clock;

	private final Duration retention;

	public ExecutionRetention(ExecutionRepository executions, Clock clock, Duration retention) {
		this.executions = executions;
		this.clock = clock;
		this.retention = retention;
	}

	/** Returns how many records were removed. */
	public long sweep() {
		return this.executions.deleteCreatedBefore(this.clock.instant().minus(this.retention));
	}

}
