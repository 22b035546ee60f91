package dev.flowgate.runner.domain.execution;

import java.time.Duration;

/**
 * @param runnerId names this runner in {@code ExecutionStarted}
 * @param deploymentWait how long a trigger waits for its deployment to reach the view
 * @param maxExecutionTime the longest an execution may run, whatever its deadline says
 */
public record ExecutionSettings(String runnerId, Duration deploymentWait, Duration maxExecutionTime) {
}
