package dev.flowgate.gateway.domain.input;

import java.util.Arrays;

/** The value types an input node declares ({@code config.inputType}). */
public enum InputType {

	TEXT("text"), NUMBER("number"), BOOLEAN("boolean"), JSON("json"), FILE_URL("file_url");

	private final String token;

	InputType(String token) {
		this.token = token;
	}

	public String token() {
		return this.token;
	}

	/** The type named by {@code token}; text when absent, any JSON when unknown. */
	public static InputType fromToken(Object token) {
		if (token == null) {
			return TEXT;
		}
		return Arrays.stream(values()).filter((type) -> type.token.equals(token)).findFirst().orElse(JSON);
	}

}
