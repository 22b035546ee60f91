package dev.flowgate.system.ops;

/**
 * The value a deployment file gives an environment variable: a literal written in the
 * file, or a reference resolved at deploy time (a Kubernetes Secret, a variable from
 * compose's .env).
 *
 * @param literal the value, or {@code null} for a reference
 * @param reference where the value comes from, or {@code null} for a literal
 */
record EnvValue(String literal, String reference) {

	static EnvValue literal(String value) {
		return new EnvValue(value, null);
	}

	static EnvValue reference(String reference) {
		return new EnvValue(null, reference);
	}

	boolean isLiteral() {
		return this.reference == null;
	}

}
