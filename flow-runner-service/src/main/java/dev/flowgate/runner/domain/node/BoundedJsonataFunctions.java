package dev.flowgate.runner.domain.node;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.Jsonata;

/**
 * JSONata's functions that its own time bound cannot stop, bound here. The library checks
 * its bound between evaluation steps, never inside one built-in call: a regular
 * expression that backtracks without end ({@code $match(s, /^(a|aa)+$/)}) or a pad to a
 * billion characters held a worker thread, and with it every flow's transforms, for as
 * long as it ran. A regular expression is first run over its text here, on a text that
 * stops it at the evaluation's deadline, then handed to the library, which then takes
 * about as long; {@code $pad} is capped.
 *
 * <p>
 * Public, with public methods, because the library calls them by reflection.
 */
public final class BoundedJsonataFunctions {

	/** The longest string {@code $pad} makes. */
	static final int MAX_PAD = 1_000_000;

	/** When the evaluation on this thread must end ({@link System#nanoTime()}). */
	private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

	private BoundedJsonataFunctions() {
	}

	/** Binds the bounded functions over the library's in an evaluation's frame. */
	static void bindTo(Jsonata.Frame frame) {
		// The library's own signatures, so arguments are checked and passed as before.
		bind(frame, "match", "<s-f<s:o>n?:a<o>>");
		bind(frame, "contains", "<s-(sf):b>");
		bind(frame, "replace", "<s-(sf)(sf)n?:s>");
		bind(frame, "split", "<s-(sf)n?:a<s>>");
		bind(frame, "pad", "<s-ns?:s>");
	}

	/** Runs an evaluation on this thread under a deadline. */
	static <T> T within(long deadlineNanos, Supplier<T> evaluation) {
		DEADLINE.set(deadlineNanos);
		try {
			return evaluation.get();
		}
		finally {
			DEADLINE.remove();
		}
	}

	public static List<Map> match(String str, Pattern regex, Integer limit) {
		scan(regex, str);
		return Functions.match(str, regex, limit);
	}

	public static Boolean contains(String str, Object token) {
		scan(token, str);
		return Functions.contains(str, token);
	}

	public static String replace(String str, Object pattern, Object replacement, Integer limit) {
		scan(pattern, str);
		return Functions.replace(str, pattern, replacement, limit);
	}

	public static List<String> split(String str, Object pattern, Number limit) {
		scan(pattern, str);
		return Functions.split(str, pattern, limit);
	}

	public static String pad(String str, Number width, String chars) {
		if (width != null && Math.abs(width.doubleValue()) > MAX_PAD) {
			throw new IllegalArgumentException("$pad to more than " + MAX_PAD + " characters");
		}
		return Functions.pad(str, width, chars);
	}

	private static void bind(Jsonata.Frame frame, String name, String signature) {
		frame.bind(name, new Jsonata.JFunction(name, signature, BoundedJsonataFunctions.class, null, name));
	}

	/** Every match the library will look for, found first on a text that keeps time. */
	private static void scan(Object pattern, String text) {
		Long deadline = DEADLINE.get();
		if (!(pattern instanceof Pattern regex) || text == null || deadline == null) {
			return;
		}
		Matcher matcher = regex.matcher(new DeadlineText(text, deadline));
		while (matcher.find()) {
			// Only the time it takes matters.
		}
	}

	/** A text whose reads fail once the deadline has passed. */
	private static final class DeadlineText implements CharSequence {

		/** Reads between two looks at the clock. */
		private static final int READS_PER_CHECK = 4096;

		private final String text;

		private final long deadline;

		private int reads;

		DeadlineText(String text, long deadline) {
			this.text = text;
			this.deadline = deadline;
		}

		@Override
		public char charAt(int index) {
			if (++this.reads >= READS_PER_CHECK) {
				this.reads = 0;
				if (System.nanoTime() > this.deadline) {
					throw new IllegalStateException("the expression took longer than its time limit");
				}
			}
			return this.text.charAt(index);
		}

		@Override
		public int length() {
			return this.text.length();
		}

		@Override
		public CharSequence subSequence(int start, int end) {
			return new DeadlineText(this.text.substring(start, end), this.deadline);
		}

		@Override
		public String toString() {
			return this.text;
		}

	}

}
