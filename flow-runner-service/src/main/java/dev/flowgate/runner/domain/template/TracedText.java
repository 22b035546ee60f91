package dev.flowgate.runner.domain.template;

import java.util.Arrays;

/**
 * Text rendered from a template that knows, for each character, whether the template
 * wrote it (and where) or a value did: what a check needs to tell the template's own text
 * from what its values brought. Where is a place in the template's own text with its
 * escapes undone, so the braces of an escaped opening follow the text before its
 * backslash; each reference takes a place of its own.
 */
public final class TracedText {

	/** The origin of a character a value wrote. */
	private static final int FROM_VALUE = -2;

	/** The origin of the (virtual) character before the text. */
	private static final int BEFORE_TEMPLATE = -1;

	private final String text;

	private final int[] origins;

	/** The origin of the (virtual) character after the text. */
	private final int templateEnd;

	private TracedText(String text, int[] origins, int templateEnd) {
		this.text = text;
		this.origins = origins;
		this.templateEnd = templateEnd;
	}

	public String text() {
		return this.text;
	}

	/**
	 * Whether the template wrote the characters in [from, to) itself, one after the other
	 * as they stand, with no reference between them (not even one that rendered to
	 * nothing).
	 */
	public boolean isLiteral(int from, int to) {
		for (int i = from; i < to; i++) {
			if (this.origins[i] == FROM_VALUE || (i > from && !isJoined(i))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether the characters at {@code index - 1} and {@code index} stood next to each
	 * other in the template; the start and the end of the text count as the template's.
	 */
	public boolean isJoined(int index) {
		int before = origin(index - 1);
		int at = origin(index);
		return before != FROM_VALUE && at != FROM_VALUE && before + 1 == at;
	}

	private int origin(int index) {
		if (index < 0) {
			return BEFORE_TEMPLATE;
		}
		return (index < this.origins.length) ? this.origins[index] : this.templateEnd;
	}

	/** Puts the text together from the template's pieces and the values between them. */
	static final class Builder {

		private static final int INITIAL_CAPACITY = 64;

		private final StringBuilder text = new StringBuilder();

		private int[] origins = new int[INITIAL_CAPACITY];

		/** The next place in the template. */
		private int place;

		/** The template's own text, escapes undone, as the next of its places. */
		Builder literal(String literal) {
			for (int i = 0; i < literal.length(); i++) {
				add(literal.charAt(i), this.place++);
			}
			return this;
		}

		/**
		 * What a reference rendered to; the reference takes a place even when that is
		 * nothing, so the text either side of it is not joined.
		 */
		Builder value(String value) {
			value.chars().forEach((c) -> add((char) c, FROM_VALUE));
			this.place++;
			return this;
		}

		TracedText build() {
			return new TracedText(this.text.toString(), Arrays.copyOf(this.origins, this.text.length()), this.place);
		}

		private void add(char c, int origin) {
			if (this.text.length() == this.origins.length) {
				this.origins = Arrays.copyOf(this.origins, 2 * this.origins.length);
			}
			this.origins[this.text.length()] = origin;
			this.text.append(c);
		}

	}

}
