package dev.flowgate.deployments.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How execution records are kept.
 *
 * @param retention records older than this are removed
 * @param sweepInterval how often the retention sweep runs
 * @param payloadLimit the most stored of an execution's inputs, of its outputs, and of
 * each node's output
 * @param replayDeadline how long a replayed execution may take
 * @param recordingWait how long a lookup of an execution not recorded (or not finished)
 * yet may wait in all for the triggers (and results) published before it to be recorded
 * @param recordingPoll how often such a lookup checks
 * @param recordingWaits how many lookups may wait so at once; the others are answered
 * from what is recorded
 */
@ConfigurationProperties("flowgate.executions")
public record ExecutionProperties(@DefaultValue("30d") Duration retention, @DefaultValue("1h") Duration sweepInterval,
		@DefaultValue("64KB") DataSize payloadLimit, @DefaultValue("10m") Duration replayDeadline,
		@DefaultValue("3s") Duration recordingWait, @DefaultValue("20ms") Duration recordingPoll,
		@DefaultValue("32") int recordingWaits) {

	public ExecutionProperties {
		Intervals.requirePositive(sweepInterval, "flowgate.executions.sweep-interval");
	}

}
