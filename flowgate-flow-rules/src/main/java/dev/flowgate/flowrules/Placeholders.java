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
 * <p>
 * As in Handlebars, a backslash escapes opening braces: <code>\&#123;&#123;</code> is the
 * text <code>&#123;&#123;</code> and opens nothing, <code>\\&#123;&#123;</code> is one
 * backslash before braces that open as usual; any other backslash is itself. So that
 * rendering, reference checks and URL and header checks agree, they all read templates
 * through {@link #parse}.
 */
public final class Placeholders {

	private static final String OPEN = "{{";

	private static final String CLOSE = "}}";

	private static final char ESCAPE = '\\';

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

	/**
	 * A template taken apart: its placeholders in order and its own text around them,
	 * escapes undone.
	 *
	 * @param literals the text before each placeholder, then the text after the last (one
	 * more than the placeholders)
	 * @param placeholders the placeholders, where they stand in the template as written
	 */
	public record Template(List<String> literals, List<Placeholder> placeholders) {

		public Template {
			literals = List.copyOf(literals);
			placeholders = List.copyOf(placeholders);
		}

		/** The template's own text, its placeholders left out. */
		public String literal() {
			return String.join("", this.literals);
		}

		/** Whether the template is one placeholder and nothing else. */
		public boolean isSingleReference() {
			return this.placeholders.size() == 1 && this.literals.stream().allMatch(String::isEmpty);
		}

	}

	/** The template's placeholders and the text around them. */
	public static Template parse(String text) {
		return new Scan(text).run();
	}

	/** Every placeholder of the text, in order. */
	public static List<Placeholder> in(String text) {
		return parse(text).placeholders();
	}

	/** Whether the text holds a placeholder. */
	public static boolean any(String text) {
		return !in(text).isEmpty();
	}

	/** One pass over a template, from each pair of opening braces to the next. */
	private static final class Scan {

		private final String text;

		private final List<String> literals = new ArrayList<>();

		private final List<Placeholder> placeholders = new ArrayList<>();

		private final StringBuilder literal = new StringBuilder();

		/** Where the text not yet taken into a literal or a placeholder starts. */
		private int taken;

		/** The first closing braces after the last opening that looked for them. */
		private int close = -1;

		/** Openings before this are text: no closing braces follow them on their line. */
		private int textUntil;

		Scan(String text) {
			this.text = text;
		}

		Template run() {
			int open = this.text.indexOf(OPEN);
			while (open >= 0) {
				open = take(open);
			}
			this.literals.add(this.literal.append(this.text, this.taken, this.text.length()).toString());
			return new Template(this.literals, this.placeholders);
		}

		/** Takes the opening braces at {@code open}; returns where the next ones are. */
		private int take(int open) {
			int backslashes = backslashesBefore(open);
			if (backslashes > 0) {
				// Either escape drops the backslash right before the braces.
				this.literal.append(this.text, this.taken, open - 1);
				this.taken = open;
			}
			int closing = (backslashes == 1) ? -1 : closing(open);
			if (closing < 0) {
				// The braces are text, taken with the text around them.
				return this.text.indexOf(OPEN, open + OPEN.length());
			}
			this.literals.add(this.literal.append(this.text, this.taken, open).toString());
			this.literal.setLength(0);
			this.placeholders.add(new Placeholder(open, closing + CLOSE.length(),
					this.text.substring(open + OPEN.length(), closing)));
			this.taken = closing + CLOSE.length();
			return this.text.indexOf(OPEN, this.taken);
		}

		/**
		 * The backslashes (up to two) right before the opening, in text not yet taken:
		 * what was taken ends in braces.
		 */
		private int backslashesBefore(int open) {
			int count = 0;
			while (count < 2 && open - count - 1 >= this.taken && this.text.charAt(open - count - 1) == ESCAPE) {
				count++;
			}
			return count;
		}

		/** Where the placeholder opening at {@code open} closes, or -1. */
		private int closing(int open) {
			if (open < this.textUntil) {
				return -1;
			}
			if (this.close < open + OPEN.length()) {
				this.close = this.text.indexOf(CLOSE, open + OPEN.length());
				if (this.close < 0) {
					// No later opening can close either.
					this.textUntil = this.text.length();
					return -1;
				}
			}
			int lineEnd = lastLineTerminator(this.text, open + OPEN.length(), this.close);
			if (lineEnd >= 0) {
				// Every opening before that line's end would span it too.
				this.textUntil = lineEnd;
				return -1;
			}
			return this.close;
		}

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
