package dev.flowgate.delivery.domain;

/** A request whose input is not acceptable; names the offending field. */
public class InvalidRequestException extends RuntimeException {

	private final String field;

	public InvalidRequestException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
