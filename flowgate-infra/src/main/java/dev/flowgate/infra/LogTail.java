package dev.flowgate.infra;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The last lines of a log file, read from its end so large logs stay cheap. */
final class LogTail {

	private static final int MAX_BYTES = 64 * 1024;

	private static final int MAX_ERROR_SCAN_BYTES = 1024 * 1024;

	private static final Pattern ERROR_LINE = Pattern.compile("\\bERROR\\b|\\bFATAL\\b|Exception|^Caused by:");

	private LogTail() {
	}

	static String of(Path file, int lines) {
		return read(file, MAX_BYTES, (all) -> last(all, lines));
	}

	/**
	 * The last {@code lines} lines that look like errors or stack-trace causes. A process
	 * may log hundreds of lines after its fatal error (Kafka dumps its configuration from
	 * another thread), so the plain tail alone can miss the cause.
	 */
	static String errors(Path file, int lines) {
		return read(file, MAX_ERROR_SCAN_BYTES,
				(all) -> last(all.stream().filter((line) -> ERROR_LINE.matcher(line).find()).toList(), lines));
	}

	private static String last(List<String> all, int lines) {
		return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
	}

	private static String read(Path file, int maxBytes, Function<List<String>, String> select) {
		if (!Files.isRegularFile(file)) {
			return "(no log file at " + file + ")";
		}
		try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
			long start = Math.max(0, in.length() - maxBytes);
			byte[] bytes = new byte[(int) (in.length() - start)];
			in.seek(start);
			in.readFully(bytes);
			return select.apply(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R")));
		}
		catch (IOException ex) {
			return "(could not read " + file + ": " + ex.getMessage() + ")";
		}
	}

}
