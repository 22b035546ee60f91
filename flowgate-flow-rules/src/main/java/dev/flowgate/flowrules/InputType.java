package dev.flowgate.flowrules;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The value type an input node declares ({@code config.inputType}): what
 * deployment-service checks a test value against, the gateway a trigger's inputs, and the
 * runner the inputs of a call accepted before a redeploy.
 */
public enum InputType {

	TEXT("text"), NUMBER("number"), BOOLEAN("boolean"), JSON("json"), FILE_URL("file_url");

	private final String token;

	InputType(String token) {
		this.token = token;
	}

	public String token() {
		return this.token;
	}

	public static Optional<InputType> of(String token) {
		return Arrays.stream(values()).filter((type) -> type.token.equals(token)).findFirst();
	}

	/** Whether {@code value} (as parsed from JSON) fits this type. */
	public boolean accepts(Object value) {
		return switch (this) {
			case TEXT -> value instanceof String;
			case FILE_URL -> value instanceof String text && isHttpUrl(text);
			// Beyond a double's range a number would reach the flow as Infinity.
			case NUMBER -> value instanceof Number number && Double.isFinite(number.doubleValue());
			case BOOLEAN -> value instanceof Boolean;
			case JSON -> true;
		};
	}

	/** What a value this type does not {@link #accepts accept} is told. */
	public String expectation() {
		return switch (this) {
			case TEXT -> "must be a string";
			case FILE_URL -> "must be an http(s) URL";
			case NUMBER -> "must be a number";
			case BOOLEAN -> "must be a boolean";
			case JSON -> "must be JSON";
		};
	}

	/** Whether the text is an absolute http or https URL with a host. */
	public static boolean isHttpUrl(String text) {
		try {
			URI uri = new URI(text);
			String scheme = uri.getScheme();
			return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
