package dev.flowgate.deployments.domain.example;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A code example with {@code @@NAME@@} placeholders, filled in one pass so a value that
 * looks like a placeholder stays as it is.
 */
final class SnippetTemplate {

	private static final Pattern PLACEHOLDER = Pattern.compile("@@([A-Z_]+)@@");

	private final String text;

	private SnippetTemplate(String text) {
		this.text = text;
	}

	/** Loads {@code examples/<language>/<endpoint>} from the classpath. */
	static SnippetTemplate load(String language, String endpoint) {
		String path = "/examples/%s/%s".formatted(language, endpoint);
		try (InputStream in = SnippetTemplate.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("Missing example template " + path);
			}
			return new SnippetTemplate(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String fill(Map<String, String> values) {
		Matcher matcher = PLACEHOLDER.matcher(this.text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String value = values.get(matcher.group(1));
			if (value == null) {
				throw new IllegalArgumentException("No value for placeholder " + matcher.group());
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(out);
		return out.toString();
	}

}
