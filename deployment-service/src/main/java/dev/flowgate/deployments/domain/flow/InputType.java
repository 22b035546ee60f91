package dev.flowgate.deployments.domain.flow;

import java.util.Arrays;
import java.util.Optional;

/** The value type an input node accepts. */
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
			case TEXT, FILE_URL -> value instanceof String;
			case NUMBER -> value instanceof Number;
			case BOOLEAN -> value instanceof Boolean;
			case JSON -> true;
		};
	}

}
