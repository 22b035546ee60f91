package dev.flowgate.delivery.domain;

/**
 * A request whose input is not acceptable; names the offending field (or query parameter)
 * and what is wrong with it.
 */
public class InvalidRequestException extends RuntimeException {

	private final String field;

	private final String reason;

	/**
	 * @param reason what is wrong, without the field's name ({@code must be ...})
	 */
	public InvalidRequestException(String field, String reason) {
		super(field + " " + reason);
		this.field = field;
		this.reason = reason;
	}

	public String field() {
		return this.field;
	}

	/** What is wrong with the field, without its name. */
	public String reason() {
		return this.reason;
	}

}
