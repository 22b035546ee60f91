package dev.flowgate.keys.domain;

/**
 * A request whose input is not acceptable; names the offending field (or query parameter)
 * and what is wrong with it.
 */
public class InvalidRequestException extends RuntimeException {

	private final String field;

	private final String reason;

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
