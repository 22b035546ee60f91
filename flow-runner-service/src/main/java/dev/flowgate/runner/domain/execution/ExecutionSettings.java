package dev.flowgate.runner.domain.execution;

import java.time.Duration;

/**
 * @param runnerId names this runner in its events
 * @param deploymentWait how long a trigger waits for its deployment to reach the view
 * @param maxExecutionTime the longest an execution may run, whatever its deadline says
 * @param startNoticeDelay how long an execution runs before its start is announced
 * ({@code ExecutionStarted}); zero announces every start at once
 */
public record ExecutionSettings(String runnerId, Duration deploymentWait, Duration maxExecutionTime,
		Duration startNoticeDelay) {
}
