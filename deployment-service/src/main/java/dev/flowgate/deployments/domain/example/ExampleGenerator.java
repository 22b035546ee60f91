package dev.flowgate.deployments.domain.example;

import java.util.Map;

import dev.flowgate.contracts.DeploymentMode;
import dev.flowgate.deployments.domain.deployment.Deployment;
import dev.flowgate.deployments.domain.deployment.Endpoints;
import dev.flowgate.deployments.domain.example.CodeLiteral.Dialect;
import dev.flowgate.deployments.domain.example.Examples.Snippets;
import dev.flowgate.deployments.domain.flow.FlowInput;

/**
 * Writes the example code of a deployment from templates (resources under
 * {@code examples/}), filled with its URLs and its inputs' test values. The key is never
 * in the code: curl reads {@code $FLOWGATE_API_KEY}, the others the environment variable
 * {@code FLOWGATE_API_KEY}.
 */
public final class ExampleGenerator {

	public Examples generate(Deployment deployment, String publicBase) {
		Endpoints endpoints = Endpoints.of(publicBase, deployment.id());
		ExampleInputs inputs = ExampleInputs.of(FlowInput.of(deployment.flow()));
		Map<String, Object> nativeBody = Map.of("input_data", inputs.byName());
		Map<String, Object> fluxBody = Map.of("variableInputs", inputs.variableInputs());
		String name = commentSafe(deployment.name());
		String waits = (deployment.mode() == DeploymentMode.SYNC) ? "waits for completion and returns results"
				: "returns at once (async deployment); the result is delivered or polled";
		return new Examples(
				snippets("curl", "sh", endpoints,
						(url, body) -> Map.of("NAME", name, "URL", shell(url), "BODY",
								shell(CodeLiteral.pretty(body, Dialect.JSON, 0))),
						nativeBody, fluxBody),
				snippets("python", "py", endpoints,
						(url, body) -> Map.of("NAME", name, "WAITS", waits, "URL", CodeLiteral.string(url), "BASE_URL",
								CodeLiteral.string(publicBase), "INPUTS",
								CodeLiteral.pretty(inputs.byName(), Dialect.PYTHON, 0), "VARIABLE_INPUTS",
								CodeLiteral.pretty(inputs.variableInputs(), Dialect.PYTHON, 1)),
						nativeBody, fluxBody),
				snippets("javascript", "mjs", endpoints,
						(url, body) -> Map.of("NAME", name, "WAITS", waits, "URL", CodeLiteral.string(url), "BASE_URL",
								CodeLiteral.string(publicBase), "INPUTS",
								CodeLiteral.pretty(inputs.byName(), Dialect.JSON, 0), "VARIABLE_INPUTS",
								CodeLiteral.pretty(inputs.variableInputs(), Dialect.JSON, 1)),
						nativeBody, fluxBody),
				snippets("java", "java", endpoints, (url, body) -> Map.of("NAME", name, "URL", javaString(url), "BODY",
						javaString(CodeLiteral.compact(body))), nativeBody, fluxBody));
	}

	private static Snippets snippets(String language, String extension, Endpoints endpoints, Placeholders values,
			Map<String, Object> nativeBody, Map<String, Object> fluxBody) {
		return new Snippets(
				SnippetTemplate.load(language, "native." + extension)
					.fill(values.of(endpoints.nativeUrl(), nativeBody)),
				SnippetTemplate.load(language, "aicuflow." + extension)
					.fill(values.of(endpoints.aicuflowUrl(), nativeBody)),
				SnippetTemplate.load(language, "fluxprompt." + extension)
					.fill(values.of(endpoints.fluxpromptUrl(), fluxBody)));
	}

	/** A single-quoted shell word. */
	private static String shell(String text) {
		return "'" + text.replace("'", "'\\''") + "'";
	}

	/**
	 * A Java string literal; non-ASCII as unicode escapes so any source encoding works.
	 */
	private static String javaString(String text) {
		StringBuilder out = new StringBuilder();
		String quoted = CodeLiteral.string(text);
		for (char c : quoted.toCharArray()) {
			out.append((c > '~') ? "\\u%04x".formatted((int) c) : String.valueOf(c));
		}
		return out.toString();
	}

	/**
	 * The name on one comment line: no line breaks (JavaScript's include U+2028 and
	 * U+2029), and no backslash for Java to decode.
	 */
	private static String commentSafe(String name) {
		return name.replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}\\\\]", " ");
	}

	/** A language's placeholder values for one endpoint's URL and request body. */
	@FunctionalInterface
	private interface Placeholders {

		Map<String, String> of(String url, Map<String, Object> body);

	}

}
