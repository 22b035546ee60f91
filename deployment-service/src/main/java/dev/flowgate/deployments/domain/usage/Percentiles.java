package dev.flowgate.deployments.domain.usage;

/** Nearest-rank percentiles: always a value that was actually observed. */
final class Percentiles {

	private static final double HUNDRED = 100.0;

	private Percentiles() {
	}

	/**
	 * The smallest value that at least {@code percentile} percent of the values do not
	 * exceed.
	 * @param sorted ascending
	 * @return {@code null} when there are no values
	 */
	static Long nearestRank(long[] sorted, double percentile) {
		if (sorted.length == 0) {
			return null;
		}
		int rank = (int) Math.ceil(percentile / HUNDRED * sorted.length);
		return sorted[Math.max(rank, 1) - 1];
	}

}
