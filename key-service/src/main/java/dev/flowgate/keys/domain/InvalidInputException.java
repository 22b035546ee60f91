package dev.flowgate.keys.domain;

/** A request field that breaks a domain rule; the message names the field. */
public class InvalidInputException extends RuntimeException {

	private final String field;

	public InvalidInputException(String field, String reason) {
		super(field + " " + reason);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
