package dev.flowgate.deployments.domain.usage;

/** The usage of one deployment hour, summed once so reports need not read executions. */
public record HourSummary(DeploymentHour key, UsageTally tally) {

}
