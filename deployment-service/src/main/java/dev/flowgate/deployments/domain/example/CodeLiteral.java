package dev.flowgate.deployments.domain.example;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON-like values as source literals: JSON (also valid JavaScript) or Python.
 * Both share JSON's string escapes; Python spells the constants differently.
 */
final class CodeLiteral {

	enum Dialect {

		JSON("true", "false", "null", "  "), PYTHON("True", "False", "None", "    ");

		private final String trueLiteral;

		private final String falseLiteral;

		private final String nullLiteral;

		private final String indent;

		Dialect(String trueLiteral, String falseLiteral, String nullLiteral, String indent) {
			this.trueLiteral = trueLiteral;
			this.falseLiteral = falseLiteral;
			this.nullLiteral = nullLiteral;
			this.indent = indent;
		}

	}

	private static final int FIRST_PRINTABLE = 0x20;

	private static final char LINE_SEPARATOR = '\u2028';

	private static final char PARAGRAPH_SEPARATOR = '\u2029';

	private CodeLiteral() {
	}

	/** The value over several indented lines; the first line is not indented. */
	static String pretty(Object value, Dialect dialect, int depth) {
		StringBuilder out = new StringBuilder();
		write(value, dialect, depth, true, out);
		return out.toString();
	}

	/** The value on one line. */
	static String compact(Object value) {
		StringBuilder out = new StringBuilder();
		write(value, Dialect.JSON, 0, false, out);
		return out.toString();
	}

	/** A double-quoted string with JSON escapes, which Python and JavaScript read too. */
	static String string(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> out.append(escaped(c) ? "\\u%04x".formatted((int) c) : String.valueOf(c));
			}
		}
		return out.append('"').toString();
	}

	/**
	 * Control characters, and the two line breaks older JavaScript refuses in strings.
	 */
	private static boolean escaped(char c) {
		return c < FIRST_PRINTABLE || c == LINE_SEPARATOR || c == PARAGRAPH_SEPARATOR;
	}

	private static void write(Object value, Dialect dialect, int depth, boolean pretty, StringBuilder out) {
		if (value instanceof Map<?, ?> map) {
			writeAll(map.entrySet().iterator(), "{", "}", dialect, depth, pretty, out, (entry, nested) -> {
				out.append(string(String.valueOf(entry.getKey()))).append(pretty ? ": " : ":");
				write(entry.getValue(), dialect, nested, pretty, out);
			});
		}
		else if (value instanceof List<?> list) {
			writeAll(list.iterator(), "[", "]", dialect, depth, pretty, out,
					(item, nested) -> write(item, dialect, nested, pretty, out));
		}
		else if (value instanceof String text) {
			out.append(string(text));
		}
		else if (value instanceof Boolean flag) {
			out.append(flag ? dialect.trueLiteral : dialect.falseLiteral);
		}
		else {
			out.append((value != null) ? value.toString() : dialect.nullLiteral);
		}
	}

	private static <T> void writeAll(Iterator<T> items, String open, String close, Dialect dialect, int depth,
			boolean pretty, StringBuilder out, ItemWriter<T> writer) {
		out.append(open);
		if (!items.hasNext()) {
			out.append(close);
			return;
		}
		while (items.hasNext()) {
			newLine(dialect, depth + 1, pretty, out);
			writer.write(items.next(), depth + 1);
			if (items.hasNext()) {
				out.append(',');
			}
		}
		newLine(dialect, depth, pretty, out);
		out.append(close);
	}

	private static void newLine(Dialect dialect, int depth, boolean pretty, StringBuilder out) {
		if (pretty) {
			out.append('\n').append(dialect.indent.repeat(depth));
		}
	}

	@FunctionalInterface
	private interface ItemWriter<T> {

		void write(T item, int depth);

	}

}
