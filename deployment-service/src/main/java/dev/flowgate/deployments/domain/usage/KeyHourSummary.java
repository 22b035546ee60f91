package dev.flowgate.deployments.domain.usage;

/**
 * One API key's share of a deployment hour, summed with it so that a key's report need
 * not read its executions either.
 */
public record KeyHourSummary(DeploymentHour hour, String keyId, UsageTally tally) {

	HourSummary asHourSummary() {
		return new HourSummary(this.hour, this.tally);
	}

}
