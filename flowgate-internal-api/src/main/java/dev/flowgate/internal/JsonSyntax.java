package dev.flowgate.internal;

import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * What is wrong with a body that is not JSON, in JSON's terms: Jackson's own message
 * names its Java settings ({@code enable `JsonReadFeature.…` to allow}, {@code from
 * `StreamReadConstraints.…`}) and a source location it does not know.
 */
public final class JsonSyntax {

	// Each cut to the end: the rest of the message explains only Jackson's settings.
	private static final Pattern JACKSON_ADVICE = Pattern
		.compile("(\\s*\\(start marker at |: enable `|; to allow|\\s*\\(through reference chain).*$", Pattern.DOTALL);

	private static final Pattern SETTING_NAME = Pattern.compile(",? from `[^`]*`");

	private JsonSyntax() {
	}

	/**
	 * {@code Unexpected end-of-input: expected close marker for Object (line 1, column 26)}.
	 */
	public static String describe(JacksonException ex) {
		String message = ex.getOriginalMessage();
		if (message == null || message.isBlank()) {
			return "it cannot be parsed";
		}
		message = SETTING_NAME.matcher(JACKSON_ADVICE.matcher(message).replaceFirst("")).replaceAll("");
		TokenStreamLocation location = ex.getLocation();
		if (location != null && location.getLineNr() > 0 && location.getColumnNr() > 0) {
			message += " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
		}
		return message;
	}

}
