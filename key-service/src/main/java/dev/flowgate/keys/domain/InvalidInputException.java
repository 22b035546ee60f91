package dev.flowgate.keys.domain;

/** A request field that breaks a domain rule; the message names the field. */
public class InvalidInputException extends RuntimeException {

	private final String field;

	private final String reason;

	public InvalidInputException(String field, String reason) {
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
