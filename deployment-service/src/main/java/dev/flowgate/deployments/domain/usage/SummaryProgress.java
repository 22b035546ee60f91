package dev.flowgate.deployments.domain.usage;

import java.time.Instant;

/**
 * How far the hourly summaries go.
 *
 * @param summedUpTo every hour before it is summed ({@code null} before the first)
 * @param lastRunAt when the last finished run (or the first run, finished or not)
 * started: records written since then (less a margin) may be missing from their hour's
 * summary ({@code null} before the first run)
 * @param keysSummedFrom the first hour whose API keys' shares are summed too
 * ({@code null} before the first run that did: summaries made by earlier versions have
 * none)
 */
public record SummaryProgress(Instant summedUpTo, Instant lastRunAt, Instant keysSummedFrom) {

	boolean covers(Instant hour) {
		return this.summedUpTo != null && this.lastRunAt != null && hour.isBefore(this.summedUpTo);
	}

}
