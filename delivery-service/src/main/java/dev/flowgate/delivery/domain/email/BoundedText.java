package dev.flowgate.delivery.domain.email;

import java.io.Writer;

/**
 * Text written up to a number of characters: pretty JSON of a deeply nested value grows
 * with the square of its depth, so a small result could render to more than the heap
 * holds. Past the bound, writing stops with {@link TooLong}.
 */
final class BoundedText extends Writer {

	private final StringBuilder text = new StringBuilder();

	private final long maxChars;

	BoundedText(long maxChars) {
		this.maxChars = maxChars;
	}

	@Override
	public void write(char[] chars, int offset, int length) {
		if (this.text.length() + (long) length > this.maxChars) {
			throw new TooLong();
		}
		this.text.append(chars, offset, length);
	}

	@Override
	public void flush() {
	}

	@Override
	public void close() {
	}

	@Override
	public String toString() {
		return this.text.toString();
	}

	/** The text would have been longer than the bound. */
	static final class TooLong extends RuntimeException {

		TooLong() {
			super("longer than the bound", null, false, false);
		}

	}

}
