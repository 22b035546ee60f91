package dev.flowgate.internal;

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

	/** The field and its message as one sentence: {@code name is required}. */
	public String sentence() {
		return BODY.equals(this.field) ? this.message : this.field + " " + this.message;
	}

}
