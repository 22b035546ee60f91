package dev.flowgate.runner.domain.node.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import dev.flowgate.runner.domain.node.NodeFailedException;
import dev.flowgate.runner.domain.template.TemplateScope;
import dev.flowgate.runner.domain.template.Templates;

/**
 * URLs rendered from templates keep what the template fixes. Where the template names a
 * host, no value may change it or put a user before it
 * ({@code https://api.example.com{{input.path}}} with {@code @evil.example/}), and no
 * value may add {@code .} or {@code ..} path segments ({@code /orders/{{input.id}}} with
 * {@code ../admin}): either would send the flow's headers, credentials included, where
 * its author did not mean them to go. A template that is the whole URL
 * ({@code {{input.url}}}) names no host and is the author's choice.
 */
final class UrlTemplates {

	private UrlTemplates() {
	}

	static String render(Templates templates, String field, String template, TemplateScope scope) {
		String rendered = templates.text(template, scope);
		URI fixed = parse(templates.literal(template));
		URI actual = parse(rendered);
		if (fixed == null || actual == null) {
			// The template is no URL in itself, or the rendered URL is refused later
			// with its own message.
			return rendered;
		}
		if (fixed.getHost() != null && !fixed.getHost().isEmpty() && !sameHost(fixed, actual)) {
			throw NodeFailedException
				.permanent("%s: a value changes the host the template names (%s)".formatted(field, fixed.getHost()));
		}
		if (hasDotSegment(actual) && !hasDotSegment(fixed)) {
			throw NodeFailedException.permanent(field + ": a value adds a '.' or '..' segment to the path");
		}
		return rendered;
	}

	private static boolean sameHost(URI fixed, URI actual) {
		return fixed.getScheme() != null && fixed.getScheme().equalsIgnoreCase(actual.getScheme())
				&& fixed.getHost().equalsIgnoreCase(actual.getHost())
				&& (actual.getRawUserInfo() == null || actual.getRawUserInfo().equals(fixed.getRawUserInfo()));
	}

	private static boolean hasDotSegment(URI uri) {
		String path = uri.getRawPath();
		if (path == null) {
			return false;
		}
		for (String segment : path.split("/", -1)) {
			String decoded = segment.toLowerCase(Locale.ROOT).replace("%2e", ".");
			if (decoded.equals(".") || decoded.equals("..")) {
				return true;
			}
		}
		return false;
	}

	private static URI parse(String text) {
		try {
			return new URI(text.strip());
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
