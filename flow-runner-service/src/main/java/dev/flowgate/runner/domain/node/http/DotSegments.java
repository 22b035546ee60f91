package dev.flowgate.runner.domain.node.http;

import java.util.Locale;

import dev.flowgate.runner.domain.template.TracedText;

/**
 * The {@code .} and {@code ..} segments of a rendered URL's path, as servers may read
 * them: encoded ({@code %2e}), with parameters ({@code ..;x}), or between encoded slashes
 * or backslashes ({@code %2f}, {@code %5c}). Each must be the template's own: its dots
 * and the separators around it written by the template, at that very place. A value may
 * bring slashes, but not climb out of the path the template names.
 */
final class DotSegments {

	private static final String[] ENCODED_SEPARATORS = { "%2f", "%5c" };

	private static final int ENCODED_LENGTH = 3;

	private DotSegments() {
	}

	/** Whether a value made a dot segment in the path at [start, end) of the URL. */
	static boolean madeByValue(TracedText url, int start, int end) {
		String text = url.text();
		int segment = start;
		int separatorBefore = -1;
		int i = start;
		while (i < end) {
			int separator = separatorAt(text, i, end);
			if (separator == 0) {
				i++;
				continue;
			}
			if (isDot(text.substring(segment, i)) && !isTemplates(url, separatorBefore, segment, i, i + separator)) {
				return true;
			}
			separatorBefore = i;
			i += separator;
			segment = i;
		}
		return isDot(text.substring(segment, end)) && !isTemplates(url, separatorBefore, segment, end, -1);
	}

	/**
	 * Whether the segment at [start, end) and the separators around it (from
	 * {@code separatorBefore} to {@code separatorEnd}; -1 where there is none) are the
	 * template's text, as it wrote them.
	 */
	private static boolean isTemplates(TracedText url, int separatorBefore, int start, int end, int separatorEnd) {
		boolean closed = separatorEnd >= 0;
		return url.isLiteral((separatorBefore >= 0) ? separatorBefore : start, closed ? separatorEnd : end)
				&& (separatorBefore >= 0 || url.isJoined(start)) && (closed || url.isJoined(end));
	}

	/** The length of the separator at {@code index}, 0 when there is none. */
	private static int separatorAt(String text, int index, int end) {
		char c = text.charAt(index);
		if (c == '/' || c == '\\') {
			return 1;
		}
		for (String encoded : ENCODED_SEPARATORS) {
			if (index + ENCODED_LENGTH <= end && text.regionMatches(true, index, encoded, 0, ENCODED_LENGTH)) {
				return ENCODED_LENGTH;
			}
		}
		return 0;
	}

	private static boolean isDot(String segment) {
		String decoded = segment.toLowerCase(Locale.ROOT).replace("%2e", ".");
		int parameters = decoded.indexOf(';');
		String name = (parameters >= 0) ? decoded.substring(0, parameters) : decoded;
		return name.equals(".") || name.equals("..");
	}

}
