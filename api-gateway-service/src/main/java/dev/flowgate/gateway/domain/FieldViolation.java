package dev.flowgate.gateway.domain;

/**
 * A member of a request's body that is not as the API takes it.
 *
 * @param field its JSON path ({@code callback_url}, {@code input_data}), or {@link #BODY}
 * for the body as a whole
 * @param message what is wrong with it, without its name
 */
public record FieldViolation(String field, String message) {

	/** The path of the body itself. */
	public static final String BODY = "";

}
