package dev.flowgate.deployments.domain.usage;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;

import org.HdrHistogram.Histogram;

/**
 * Execution durations in milliseconds, mergeable across hours: exact up to 2,047 ms,
 * within 0.1 % above (three significant digits).
 */
public final class DurationHistogram {

	private static final int SIGNIFICANT_DIGITS = 3;

	private static final double HUNDRED = 100.0;

	private final Histogram histogram;

	public DurationHistogram() {
		this(new Histogram(SIGNIFICANT_DIGITS));
	}

	private DurationHistogram(Histogram histogram) {
		this.histogram = histogram;
	}

	public static DurationHistogram decode(byte[] encoded) {
		try {
			return new DurationHistogram(Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(encoded), 0));
		}
		catch (DataFormatException ex) {
			throw new IllegalArgumentException("Not an encoded duration histogram", ex);
		}
	}

	public byte[] encode() {
		ByteBuffer buffer = ByteBuffer.allocate(this.histogram.getNeededByteBufferCapacity());
		int length = this.histogram.encodeIntoCompressedByteBuffer(buffer);
		byte[] encoded = new byte[length];
		buffer.get(0, encoded);
		return encoded;
	}

	void record(long millis) {
		this.histogram.recordValue(Math.max(millis, 0));
	}

	void add(DurationHistogram other) {
		this.histogram.add(other.histogram);
	}

	long count() {
		return this.histogram.getTotalCount();
	}

	/**
	 * Nearest rank: the smallest recorded value that at least {@code percentile} percent
	 * of the values do not exceed; {@code null} when nothing was recorded.
	 */
	Long percentile(double percentile) {
		if (count() == 0) {
			return null;
		}
		return this.histogram.getValueAtPercentile(Math.min(percentile, HUNDRED));
	}

}
