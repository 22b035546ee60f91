package dev.flowgate.internal;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * One thing wrong with a request's content, as every 400 of the native API lists it in
 * {@code errors}.
 *
 * @param field the offending member as a JSON path ({@code name},
 * {@code delivery.callbackUrl}, {@code scopes[0]}, {@code input_data.text}), a query
 * parameter's name, or {@link #BODY} when the body as a whole is at fault
 * @param message what is wrong with it, without the field's name ({@code is required})
 */
public record InvalidField(String field, String message) {

	/** The path of the body itself, as JSON Pointer names a whole document. */
	public static final String BODY = "";

	/**
	 * A member the request does not take: a typo, or one only answers carry (a key's
	 * {@code status}); read as if absent, it would leave the caller believing it was
	 * used.
	 * @param known the members there are, listed in the message
	 */
	public static InvalidField unknown(String field, Collection<?> known) {
		return new InvalidField(field, "is not a known member (known: "
				+ known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")");
	}

	/** The field and its message as one sentence: {@code name is required}. */
	public String sentence() {
		return BODY.equals(this.field) ? this.message : this.field + " " + this.message;
	}

}
