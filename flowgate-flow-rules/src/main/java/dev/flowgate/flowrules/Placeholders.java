package dev.flowgate.flowrules;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the <code>&#123;&#123;reference&#125;&#125;</code> placeholders of a template:
 * each from two opening braces to the first two closing braces after them, on one line,
 * as the regular expression <code>\&#123;\&#123;(.*?)&#125;&#125;</code> would, but in
 * time linear in the text. That expression tries every pair of opening braces afresh and
 * scans from it to the end when no closing pair follows, so a megabyte of braces in a
 * saved flow took minutes of a core at every save and run.
 */
public final class Placeholders {

	private static final String OPEN = "{{";

	private static final String CLOSE = "}}";

	private Placeholders() {
	}

	/**
	 * One placeholder.
	 *
	 * @param start where its opening braces are
	 * @param end just after its closing braces
	 * @param reference what is between the braces, untrimmed
	 */
	public record Placeholder(int start, int end, String reference) {
	}

	/** Every placeholder of the text, in order. */
	public static List<Placeholder> in(String text) {
		List<Placeholder> found = new ArrayList<>();
		int start = text.indexOf(OPEN);
		int close = -1;
		while (start >= 0) {
			if (close < start + OPEN.length()) {
				close = text.indexOf(CLOSE, start + OPEN.length());
				if (close < 0) {
					// No later placeholder can close either.
					break;
				}
			}
			int lineEnd = lastLineTerminator(text, start + OPEN.length(), close);
			if (lineEnd >= 0) {
				// Every opening before that line's end would span it too.
				start = text.indexOf(OPEN, lineEnd + 1);
				continue;
			}
			found.add(new Placeholder(start, close + CLOSE.length(), text.substring(start + OPEN.length(), close)));
			start = text.indexOf(OPEN, close + CLOSE.length());
		}
		return found;
	}

	/** Whether the text holds a placeholder. */
	public static boolean any(String text) {
		return !in(text).isEmpty();
	}

	/** The last line terminator (what {@code .} does not match) in [from, to), or -1. */
	private static int lastLineTerminator(String text, int from, int to) {
		for (int i = to - 1; i >= from; i--) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
				return i;
			}
		}
		return -1;
	}

}
