package dev.flowgate.internal;

import java.util.Optional;

/**
 * What a name people read (of an owner, a key, a flow, a deployment) may hold: some text,
 * at most so many characters (code points: an emoji is one), valid Unicode, and no
 * control characters or bidirectional overrides, which would hide or reorder what lists,
 * logs and emails show. Plain Java, for the services' domains.
 */
public final class DisplayNames {

	private DisplayNames() {
	}

	/**
	 * What is wrong with the name, as a message without the field's name ({@code is
	 * required}); empty when nothing is.
	 */
	public static Optional<String> problem(String name, int maxCharacters) {
		if (name == null || name.isBlank()) {
			return Optional.of("is required");
		}
		if (name.codePointCount(0, name.length()) > maxCharacters) {
			return Optional.of("must be at most " + maxCharacters + " characters");
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (Character.isSurrogate(c) && !isPairedAt(name, i)) {
				return Optional.of("is not valid Unicode text");
			}
			if (Character.isHighSurrogate(c)) {
				i++;
			}
			else if (Character.isISOControl(c) || isBidiControl(c)) {
				return Optional.of("must not contain control characters");
			}
		}
		return Optional.empty();
	}

	private static boolean isPairedAt(String text, int index) {
		return Character.isHighSurrogate(text.charAt(index)) && index + 1 < text.length()
				&& Character.isLowSurrogate(text.charAt(index + 1));
	}

	/** Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). */
	private static boolean isBidiControl(char c) {
		return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
	}

}
