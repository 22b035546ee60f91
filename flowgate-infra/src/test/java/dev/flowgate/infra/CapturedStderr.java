package dev.flowgate.infra;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What this JVM writes to {@code System.err} (where slf4j-simple logs) while it is open;
 * the output still shows.
 */
public final class CapturedStderr implements AutoCloseable {

	private final PrintStream original = System.err;

	private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

	private CapturedStderr() {
		OutputStream both = new OutputStream() {

			@Override
			public void write(int b) {
				CapturedStderr.this.original.write(b);
				CapturedStderr.this.captured.write(b);
			}

			@Override
			public void write(byte[] b, int off, int len) {
				CapturedStderr.this.original.write(b, off, len);
				CapturedStderr.this.captured.write(b, off, len);
			}

		};
		System.setErr(new PrintStream(both, true, StandardCharsets.UTF_8));
	}

	public static CapturedStderr start() {
		return new CapturedStderr();
	}

	public String text() {
		return this.captured.toString(StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		System.setErr(this.original);
	}

}
