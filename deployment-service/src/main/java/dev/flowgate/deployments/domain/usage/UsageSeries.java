package dev.flowgate.deployments.domain.usage;

import java.time.Instant;
import java.util.List;

/**
 * A deployment's usage over a window, bucket by bucket, oldest first: what a chart of
 * calls, errors and latency needs.
 *
 * @param bucket the length of each bucket ({@code 5m}, {@code 1h}, {@code 1d})
 */
public record UsageSeries(String window, String bucket, List<Point> points) {

	public UsageSeries {
		points = List.copyOf(points);
	}

	/**
	 * One bucket's usage: executions created in {@code [from, to)}, and refused calls
	 * counted in summaries that ended then. The last bucket ends now.
	 */
	public record Point(Instant from, Instant to, UsageReport usage) {

	}

}
